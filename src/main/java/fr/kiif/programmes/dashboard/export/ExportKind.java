package fr.kiif.programmes.dashboard.export;

import java.util.Arrays;
import java.util.Optional;

/** The exports of a call, by the name used in their URL; the title names the XLSX sheet and the log rows. */
public enum ExportKind {
    CANDIDATURES("candidatures", "Candidatures"),
    EVALUATIONS("evaluations", "Évaluations"),
    DECISIONS("decisions", "Décisions du jury"),
    ACCOMPAGNEMENT("accompagnement", "Accompagnement");

    private final String slug;
    private final String title;

    ExportKind(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public static Optional<ExportKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
