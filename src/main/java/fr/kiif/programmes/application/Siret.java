package fr.kiif.programmes.application;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A SIRET number: 14 digits with a valid Luhn checksum (empty means not given). */
@Documented
@Constraint(validatedBy = Siret.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Siret {

    String message() default "Le numéro SIRET doit comporter 14 chiffres et être valide.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Siret, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            return isValidSiret(value);
        }

        /** Whether a non-empty value is a valid SIRET (14 digits, checksum). */
        public static boolean isValidSiret(String value) {
            if (!value.matches("\\d{14}")) {
                return false;
            }
            // La Poste's establishments (SIREN 356000000) use a digit sum divisible by 5 instead of Luhn.
            if (value.startsWith("356000000")) {
                return value.chars().map(c -> c - '0').sum() % 5 == 0;
            }
            int sum = 0;
            for (int i = 0; i < 14; i++) {
                int digit = value.charAt(13 - i) - '0';
                if (i % 2 == 1) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
            }
            return sum % 10 == 0;
        }
    }
}
