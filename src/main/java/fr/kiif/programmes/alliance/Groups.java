package fr.kiif.programmes.alliance;

/** Camunda group ids shared by processes, seeding and access checks (DESIGN §5). */
public final class Groups {

    public static final String COORDINATION = "kiif-coordination";
    public static final String ADMIN = "camunda-admin";
    public static final String JURY_PREFIX = "jury-";

    private Groups() {
    }

    public static String jury(String callId) {
        return JURY_PREFIX + callId;
    }
}
