package fr.kiif.programmes.coordination;

/** No programme with this id (404). */
public class UnknownProgrammeException extends RuntimeException {

    public UnknownProgrammeException(String programmeId) {
        super("Unknown programme " + programmeId);
    }
}
