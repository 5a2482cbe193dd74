package fr.kiif.programmes.dashboard;

/** Deep links into the Camunda webapps (same origin, same login). */
public final class EngineLinks {

    private EngineLinks() {
    }

    public static String task(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    public static String processInstance(String processInstanceId) {
        return "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime";
    }
}
