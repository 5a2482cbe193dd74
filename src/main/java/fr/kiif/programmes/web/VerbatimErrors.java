package fr.kiif.programmes.web;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Bean validation errors carry arguments, so Spring renders their default message through
 * MessageFormat, which drops the apostrophes of French text ("d'avancement" becomes "davancement").
 * Pages re-expose the errors without arguments so that messages are shown as written.
 */
public final class VerbatimErrors {

    private VerbatimErrors() {
    }

    public static void expose(BindingResult source, Model model) {
        BeanPropertyBindingResult copy = new BeanPropertyBindingResult(source.getTarget(), source.getObjectName());
        for (ObjectError error : source.getAllErrors()) {
            if (error instanceof FieldError field) {
                copy.addError(new FieldError(field.getObjectName(), field.getField(), field.getRejectedValue(),
                        field.isBindingFailure(), field.getCodes(), null, field.getDefaultMessage()));
            } else {
                copy.addError(new ObjectError(error.getObjectName(), error.getCodes(), null, error.getDefaultMessage()));
            }
        }
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + source.getObjectName(), copy);
    }
}
