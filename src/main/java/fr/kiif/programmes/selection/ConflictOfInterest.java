package fr.kiif.programmes.selection;

import java.time.Instant;

/** A declared conflict: this person must not review applications of this organisation. */
public record ConflictOfInterest(long id, String userId, String organisationName, String siret, String reason,
                                 String declaredBy, Instant declaredAt) {
}
