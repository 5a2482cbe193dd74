package fr.kiif.programmes.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small real PDF documents for upload tests. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A one-page PDF with the text "Dossier de presentation". */
    public static byte[] minimal() {
        String content = "BT /F1 18 Tf 72 720 Td (Dossier de presentation) Tj ET";
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A PDF padded with a comment-free tail to the given size. */
    public static byte[] padded(int size) {
        byte[] pdf = minimal();
        byte[] big = Arrays.copyOf(pdf, size);
        Arrays.fill(big, pdf.length, size, (byte) ' ');
        return big;
    }
}
