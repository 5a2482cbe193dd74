package fr.kiif.programmes.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Accepts an upload only if its content is really a PDF, whatever its name says. */
@Component
public class PdfChecker {

    public static final String NOT_A_PDF = "Le fichier joint doit être un document PDF.";
    public static final String EMPTY = "Le fichier joint est vide.";

    private final Tika tika = new Tika();

    /** Empty when no file was sent; throws with a French field error when the file is not a PDF. */
    public Optional<UploadedPdf> check(String field, MultipartFile file) {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
            return Optional.empty();
        }
        if (file.isEmpty()) {
            throw new InvalidSubmissionException(java.util.Map.of(field, EMPTY));
        }
        try (InputStream in = file.getInputStream()) {
            byte[] content = in.readAllBytes();
            if (!"application/pdf".equals(tika.detect(content))) {
                throw new InvalidSubmissionException(java.util.Map.of(field, NOT_A_PDF));
            }
            return Optional.of(new UploadedPdf(safeName(file.getOriginalFilename()), content));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read upload", e);
        }
    }

    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "document.pdf";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
