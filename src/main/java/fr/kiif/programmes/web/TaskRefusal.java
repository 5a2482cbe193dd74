package fr.kiif.programmes.web;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A task completion refused on the server, with a French reason the person can act on; the task stays open.
 * Thrown by complete listeners. The engine wraps it in its own messages ("ENGINE-03051 There was an exception while
 * invoking the TaskListener…"), so the reason is also left on the current HTTP request, where
 * {@link TaskRefusalResponses} turns Tasklist's failed completion into a 400 carrying only the reason.
 */
public class TaskRefusal extends ProcessEngineException {

    static final String REQUEST_ATTRIBUTE = TaskRefusal.class.getName();

    public TaskRefusal(String reason) {
        super(reason);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, reason, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
