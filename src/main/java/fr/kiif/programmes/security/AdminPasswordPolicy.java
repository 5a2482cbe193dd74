package fr.kiif.programmes.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rejects admin passwords that are missing or a well-known default, so that a production
 * instance cannot start with a password anyone could guess.
 */
public final class AdminPasswordPolicy {

    public static final String PROPERTY = "kiif.admin.password";
    public static final String ENVIRONMENT_VARIABLE = "KIIF_ADMIN_PASSWORD";
    static final int MIN_LENGTH = 8;

    /** Compared after lower-casing, undoing common digit/symbol substitutions and dropping the rest. */
    private static final Set<String> KNOWN_DEFAULTS = Set.of(
            "demo", "admin", "administrator", "administrateur", "password", "passwort", "motdepasse",
            "camunda", "changeme", "changeit", "secret", "kiif", "kiifprogrammes", "programmes",
            "azerty", "qwerty", "letmein", "welcome", "bienvenue", "default", "root", "test", "sa");

    private AdminPasswordPolicy() {
    }

    /** @return why the password is refused, or empty when it is acceptable */
    public static Optional<String> problem(String password) {
        if (password == null || password.isBlank()) {
            return Optional.of(PROPERTY + " is missing or blank");
        }
        String lower = password.trim().toLowerCase(Locale.ROOT);
        if (isDefault(letters(lower, false)) || isDefault(letters(lower, true))) {
            return Optional.of(PROPERTY + " is a known default password");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of(PROPERTY + " is shorter than " + MIN_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** Digits-only passwords, defaults with a suffix ("Admin2026!") and the project's name. */
    private static boolean isDefault(String letters) {
        return letters.isEmpty() || KNOWN_DEFAULTS.contains(letters) || letters.startsWith("kiif");
    }

    /** Keeps the letters; with {@code leet}, reads "P@ssw0rd" as "password" first. */
    static String letters(String lower, boolean leet) {
        StringBuilder letters = new StringBuilder();
        for (char c : lower.toCharArray()) {
            char mapped = !leet ? c : switch (c) {
                case '@', '4' -> 'a';
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '$', '5' -> 's';
                default -> c;
            };
            if (mapped >= 'a' && mapped <= 'z') {
                letters.append(mapped);
            }
        }
        return letters.toString();
    }
}
