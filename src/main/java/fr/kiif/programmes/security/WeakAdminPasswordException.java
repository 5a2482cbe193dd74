package fr.kiif.programmes.security;

/** Thrown at start-up when the admin password is missing or a known default outside the demo. */
public class WeakAdminPasswordException extends IllegalStateException {

    public WeakAdminPasswordException(String problem) {
        super("Refusing to start: " + problem + ". Outside the demo profile, set the environment variable "
                + AdminPasswordPolicy.ENVIRONMENT_VARIABLE + " (property " + AdminPasswordPolicy.PROPERTY
                + ") to a strong password of at least " + AdminPasswordPolicy.MIN_LENGTH
                + " characters, or run the demo profile (kiif.demo.enabled=true).");
    }
}
