package fr.kiif.programmes.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Errors as a page shows them: one message per field, in the order of the form, written as is.
 * Bean validation errors carry arguments, so Spring would render their default message through
 * MessageFormat, which drops the apostrophes of French text ("d'avancement" becomes "davancement").
 */
public final class VerbatimErrors {

    private static final Set<String> MISSING_VALUE_CODES = Set.of("NotBlank", "NotNull", "NotEmpty", "typeMismatch");

    private VerbatimErrors() {
    }

    /** Replaces the form's binding result in the model; fields not listed in fieldOrder come last. */
    public static void expose(BindingResult source, Model model, List<String> fieldOrder) {
        BeanPropertyBindingResult copy = new BeanPropertyBindingResult(source.getTarget(), source.getObjectName());
        for (ObjectError error : source.getGlobalErrors()) {
            copy.addError(new ObjectError(error.getObjectName(), error.getCodes(), null, error.getDefaultMessage()));
        }
        Comparator<FieldError> order = Comparator
                .comparingInt((FieldError e) -> position(fieldOrder, e.getField()))
                .thenComparingInt(e -> isMissingValue(e) ? 0 : 1);
        Set<String> shown = new HashSet<>();
        source.getFieldErrors().stream().sorted(order).forEach(field -> {
            // A blank value breaks several rules at once: "missing" says it best.
            if (shown.add(field.getField())) {
                copy.addError(new FieldError(field.getObjectName(), field.getField(), field.getRejectedValue(),
                        field.isBindingFailure(), field.getCodes(), null, field.getDefaultMessage()));
            }
        });
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + source.getObjectName(), copy);
    }

    private static int position(List<String> fieldOrder, String field) {
        int index = fieldOrder.indexOf(field);
        return index < 0 ? fieldOrder.size() : index;
    }

    private static boolean isMissingValue(FieldError error) {
        return error.getCodes() != null && Arrays.stream(error.getCodes()).anyMatch(MISSING_VALUE_CODES::contains);
    }
}
