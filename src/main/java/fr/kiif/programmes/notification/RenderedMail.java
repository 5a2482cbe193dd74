package fr.kiif.programmes.notification;

/** Subject and plain-text body produced by a mail template. */
public record RenderedMail(String subject, String body) {

    /**
     * Splits a rendered template: first non-blank line is the subject, the rest (after the blank
     * line) is the body. Leading blank lines are tolerated because template comments leave them.
     */
    static RenderedMail parse(String template, String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').stripLeading();
        int newline = normalized.indexOf('\n');
        String subject = (newline < 0 ? normalized : normalized.substring(0, newline)).strip();
        String body = newline < 0 ? "" : normalized.substring(newline + 1).replaceFirst("^[ \\t]*\\n", "").stripTrailing();
        if (subject.isEmpty() || body.isBlank()) {
            throw new IllegalStateException("Mail template '" + template
                    + "' must render a subject line, a blank line, then a non-empty body");
        }
        return new RenderedMail(subject, body + "\n");
    }
}
