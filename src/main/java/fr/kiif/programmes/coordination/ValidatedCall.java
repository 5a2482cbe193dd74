package fr.kiif.programmes.coordination;

import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;

/** A checked configuration, ready to store. */
public record ValidatedCall(ProgrammeCall call, SelectionSettings settings, boolean publish) {
}
