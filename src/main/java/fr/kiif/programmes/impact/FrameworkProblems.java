package fr.kiif.programmes.impact;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a framework file instead of stopping at the first one. */
final class FrameworkProblems {

    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void error(String where, String problem) {
        errors.add(where + ": " + problem);
    }

    void warning(String where, String problem) {
        warnings.add(where + ": " + problem);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
