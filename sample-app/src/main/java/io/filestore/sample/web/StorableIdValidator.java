package io.filestore.sample.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import io.filestore.InvalidIdException;
import io.filestore.spi.RecordFileNames;

/** Checks {@link StorableId} with the store's own rule, and gives the store's reason as the message. */
public class StorableIdValidator implements ConstraintValidator<StorableId, String> {

    @Override
    public boolean isValid(String id, ConstraintValidatorContext context) {
        if (id == null) {
            return true; // @NotNull's business, as for every constraint
        }
        try {
            RecordFileNames.validate(id);
            return true;
        } catch (InvalidIdException e) {
            // the reason goes in as a message parameter, never as a template: it quotes the client's id,
            // and a template would interpolate any {...} or ${...} in it
            context.disableDefaultConstraintViolation();
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("reason", e.getMessage())
                    .buildConstraintViolationWithTemplate("{reason}").addConstraintViolation();
            return false;
        }
    }
}
