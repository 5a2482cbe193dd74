package fr.kiif.programmes.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.application.SubmissionResult;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.Criterion;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.OutboxRows;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * Timers of the review part with the engine clock moved: the coordination's own tasks are reminded at
 * their due date (kiif.selection.assign-reviewer-delay / late-review-delay), an extension or a
 * reassignment re-arms the reviewer's reminder and escalation from the new due date, and a replacement
 * gets at least kiif.selection.replacement-review-delay.
 */
class ReviewEscalationTimersTest extends SpringTestBase {

    private static final String REVIEW = "UserTask_ReviewApplication";
    private static final String MANUAL = "UserTask_AssignReviewerManually";
    private static final String ESCALATE = "UserTask_EscalateReview";
    // The call of these tests (see call()): due 21 days after closing, reminder 3 days before, escalation 7 days after.
    private static final Duration REVIEW_DEADLINE = Duration.ofDays(21);
    private static final Duration REMINDER_BEFORE = Duration.ofDays(3);
    private static final Duration ESCALATION_AFTER = Duration.ofDays(7);

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired CallRepository calls;
    @Autowired JdbcClient jdbc;

    @Value("${kiif.mail.coordination-address}") String coordinationAddress;
    @Value("${kiif.selection.assign-reviewer-delay}") Duration assignReviewerDelay;
    @Value("${kiif.selection.late-review-delay}") Duration lateReviewDelay;
    @Value("${kiif.selection.replacement-review-delay}") Duration replacementDelay;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- the coordination's tasks

    @Test
    void manualAssignmentPastItsDueDateMailsTheCoordinationAndStaysOpen() {
        Instant start = now();
        ClockUtil.setCurrentTime(Date.from(start));
        ProgrammeCall call = call(3, 0);
        ProcessInstance pi = eligible(call);
        Task manual = single(pi, MANUAL);
        assertThat(manual.getDueDate().toInstant()).isEqualTo(start.plus(assignReviewerDelay));

        Job overdue = timer(pi, "Timer_AssignReviewerOverdue");
        assertThat(overdue.getDuedate()).isEqualTo(manual.getDueDate());
        ClockUtil.setCurrentTime(Date.from(start.plus(assignReviewerDelay).plusSeconds(60)));
        managementService.executeJob(overdue.getId());

        OutboxRows.Mail mail = lastMail(pi);
        assertThat(mail.recipient()).isEqualTo(coordinationAddress);
        assertThat(mail.subject()).contains("Tâche en retard").contains("Désigner un évaluateur à la main")
                .contains(pi.getBusinessKey());
        assertThat(mail.body()).contains(SelectionNotifications.FRENCH_DATE_TIME.format(manual.getDueDate().toInstant()))
                .contains("/camunda/app/tasklist/");
        assertThat(pi).hasPassed("ServiceTask_EscalateManualAssignment", "EndEvent_AssignReviewerOverdue");
        assertThat(single(pi, MANUAL).getId()).isEqualTo(manual.getId());
        assertThat(timer(pi, "Timer_AssignReviewerOverdue")).isNull();
    }

    @Test
    void lateReviewTaskPastItsDueDateMailsTheCoordinationAndStaysOpen() {
        ProgrammeCall call = call(1, 0);
        ProcessInstance pi = eligible(call);
        Instant escalatedAt = escalate(pi);
        Task escalate = single(pi, ESCALATE);
        assertThat(escalate.getDueDate().toInstant()).isEqualTo(escalatedAt.plus(lateReviewDelay));

        Job overdue = timer(pi, "Timer_LateReviewOverdue");
        assertThat(overdue.getDuedate()).isEqualTo(escalate.getDueDate());
        ClockUtil.setCurrentTime(Date.from(escalatedAt.plus(lateReviewDelay).plusSeconds(60)));
        managementService.executeJob(overdue.getId());

        OutboxRows.Mail mail = lastMail(pi);
        assertThat(mail.recipient()).isEqualTo(coordinationAddress);
        assertThat(mail.subject()).contains("Traiter l'évaluation en retard").contains(pi.getBusinessKey());
        assertThat(pi).hasPassed("ServiceTask_EscalateLateReview");
        assertThat(single(pi, ESCALATE).getId()).isEqualTo(escalate.getId());
    }

    // ---- extension and reassignment re-arm the reviewer's timers

    @Test
    void extensionKeepsTheTaskAndReArmsReminderAndEscalationFromTheNewDueDate() {
        ProgrammeCall call = call(2, 0);
        ProcessInstance pi = eligible(call);
        Instant due = callDue(call);
        List<Task> before = tasks(pi, REVIEW);
        assertThat(before).hasSize(2);
        // First reminders, then both reviews are late.
        for (Job reminder : timers(pi, "Timer_ReviewReminder")) {
            ClockUtil.setCurrentTime(Date.from(due.minus(REMINDER_BEFORE).plusSeconds(60)));
            managementService.executeJob(reminder.getId());
        }
        int mailsBefore = mails(pi).size();
        ClockUtil.setCurrentTime(Date.from(due.plus(ESCALATION_AFTER).plusSeconds(60)));
        timers(pi, "Timer_ReviewEscalation").forEach(job -> managementService.executeJob(job.getId()));
        List<Task> escalations = tasks(pi, ESCALATE);
        assertThat(escalations).hasSize(2);

        // The coordination extends the first reviewer's review by 30 days.
        Task late = before.get(0);
        Task other = before.get(1);
        taskService.setVariable(late.getId(), "conflictOfInterest", false); // a draft kept on the task
        Task escalation = escalationOf(escalations, late);
        LocalDate newDay = LocalDate.ofInstant(due.plus(Duration.ofDays(30)), ZoneId.of("Europe/Paris"));
        taskService.complete(escalation.getId(), Map.of("escalationAction", "EXTEND", "newDueDate", newDay.toString()));
        Instant newDue = newDay.atTime(23, 59).atZone(ZoneId.of("Europe/Paris")).toInstant();

        Task extended = taskService.createTaskQuery().taskId(late.getId()).singleResult();
        assertThat(extended.getAssignee()).isEqualTo(late.getAssignee());
        assertThat(extended.getDueDate().toInstant()).isEqualTo(newDue);
        assertThat(taskService.getVariable(late.getId(), "conflictOfInterest")).isEqualTo(false);
        // The other reviewer's review is untouched.
        assertThat(taskService.createTaskQuery().taskId(other.getId()).singleResult().getDueDate().toInstant()).isEqualTo(due);

        Job reminder = timer(pi, "Timer_RearmedReminder");
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(newDue.minus(REMINDER_BEFORE));
        ClockUtil.setCurrentTime(Date.from(newDue.minus(REMINDER_BEFORE).plusSeconds(60)));
        managementService.executeJob(reminder.getId());
        List<OutboxRows.Mail> after = mails(pi);
        assertThat(after).hasSize(mailsBefore + 1);
        OutboxRows.Mail mail = after.get(after.size() - 1);
        assertThat(mail.recipient()).isEqualTo(email(late.getAssignee()));
        assertThat(mail.subject()).contains("Rappel");
        assertThat(mail.body()).contains(SelectionNotifications.FRENCH_DATE_TIME.format(newDue));

        Job again = timer(pi, "Timer_RearmedEscalation");
        assertThat(again.getDuedate().toInstant()).isEqualTo(newDue.plus(ESCALATION_AFTER));
        ClockUtil.setCurrentTime(Date.from(newDue.plus(ESCALATION_AFTER).plusSeconds(60)));
        managementService.executeJob(again.getId());
        List<Task> secondRound = tasks(pi, ESCALATE);
        assertThat(secondRound).hasSize(2); // the other reviewer's escalation, and this one again
        assertThat(secondRound).extracting(Task::getId).doesNotContain(escalation.getId());

        // Handing the review in closes what is left of its escalation.
        taskService.complete(late.getId(), review());
        assertThat(tasks(pi, ESCALATE)).hasSize(1);
        assertThat(timers(pi, "Timer_RearmedReminder")).isEmpty();
        assertThat(timers(pi, "Timer_RearmedEscalation")).isEmpty();
    }

    @Test
    void reassignmentGivesTheReplacementAFreshDueDateAndItsOwnReminder() {
        ProgrammeCall call = call(1, 0);
        ProcessInstance pi = eligible(call);
        Task task = single(pi, REVIEW);
        Instant escalatedAt = escalate(pi);
        taskService.complete(single(pi, ESCALATE).getId(), Map.of("escalationAction", "REASSIGN", "newReviewerId", "ecossolies-1"));

        Task replaced = single(pi, REVIEW);
        assertThat(replaced.getId()).isEqualTo(task.getId());
        assertThat(replaced.getAssignee()).isEqualTo("ecossolies-1");
        // The original due date has passed: the replacement gets the configured delay from now.
        Instant fresh = escalatedAt.plus(replacementDelay);
        assertThat(replaced.getDueDate().toInstant()).isEqualTo(fresh);
        Job reminder = timer(pi, "Timer_RearmedReminder");
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(fresh.minus(REMINDER_BEFORE));
        ClockUtil.setCurrentTime(Date.from(fresh.minus(REMINDER_BEFORE).plusSeconds(60)));
        managementService.executeJob(reminder.getId());
        OutboxRows.Mail mail = lastMail(pi);
        assertThat(mail.recipient()).isEqualTo(email("ecossolies-1"));
        assertThat(mail.body()).contains(SelectionNotifications.FRENCH_DATE_TIME.format(fresh));
        assertThat(timer(pi, "Timer_RearmedEscalation").getDuedate().toInstant()).isEqualTo(fresh.plus(ESCALATION_AFTER));
    }

    @Test
    void replacementAfterARecusalKeepsTheDueDateUnlessItHasPassed() {
        ProgrammeCall call = call(1, 0);
        Instant due = callDue(call);

        // Before the due date: the replacement keeps the call's due date.
        ProcessInstance early = eligible(call);
        taskService.complete(single(early, REVIEW).getId(), Map.of("conflictOfInterest", true, "recusalReason", "Ancien salarié."));
        assertThat(single(early, REVIEW).getDueDate().toInstant()).isEqualTo(due);

        // After the due date: the replacement gets the configured delay from now, and timers from it.
        ProcessInstance pi = eligible(call);
        Instant late = due.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(late));
        Task first = single(pi, REVIEW);
        taskService.complete(first.getId(), Map.of("conflictOfInterest", true, "recusalReason", "Conflit."));
        Task replacement = single(pi, REVIEW);
        assertThat(replacement.getAssignee()).isNotEqualTo(first.getAssignee());
        Instant fresh = late.plus(replacementDelay);
        assertThat(replacement.getDueDate().toInstant()).isEqualTo(fresh);
        assertThat(timer(pi, "Timer_ReviewReminder").getDuedate().toInstant()).isEqualTo(fresh.minus(REMINDER_BEFORE));
        assertThat(timer(pi, "Timer_ReviewEscalation").getDuedate().toInstant()).isEqualTo(fresh.plus(ESCALATION_AFTER));

        // The replacement withdraws too: nobody is left, the person chosen by hand gets a fresh due date as well.
        Instant later = late.plus(Duration.ofDays(10));
        ClockUtil.setCurrentTime(Date.from(later));
        taskService.complete(replacement.getId(), Map.of("conflictOfInterest", true, "recusalReason", "Conflit aussi."));
        taskService.complete(single(pi, MANUAL).getId(), Map.of("manualReviewerId", "ecossolies-1"));
        Task chosen = single(pi, REVIEW);
        assertThat(chosen.getAssignee()).isEqualTo("ecossolies-1");
        assertThat(chosen.getDueDate().toInstant()).isEqualTo(later.plus(replacementDelay));
    }

    @Test
    void personChosenByHandAfterTheDueDateGetsAFreshDueDate() {
        ProgrammeCall call = call(3, 0);
        ProcessInstance pi = eligible(call);
        Instant due = callDue(call);
        Task manual = single(pi, MANUAL);
        Instant late = due.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(late));
        taskService.complete(manual.getId(), Map.of("manualReviewerId", "ecossolies-1"));

        Task chosen = tasks(pi, REVIEW).stream().filter(task -> "ecossolies-1".equals(task.getAssignee())).findFirst()
                .orElseThrow();
        assertThat(chosen.getDueDate().toInstant()).isEqualTo(late.plus(replacementDelay));
        // The two automatic reviewers keep the call's due date.
        assertThat(tasks(pi, REVIEW).stream().filter(task -> !task.getId().equals(chosen.getId())).map(task -> task.getDueDate().toInstant()))
                .hasSize(2).containsOnly(due);
    }

    // ---- helpers

    /** Moves the clock past the review's escalation date and fires it; returns the engine time then. */
    private Instant escalate(ProcessInstance pi) {
        Job escalation = timer(pi, "Timer_ReviewEscalation");
        Instant at = escalation.getDuedate().toInstant().plusSeconds(60);
        ClockUtil.setCurrentTime(Date.from(at));
        managementService.executeJob(escalation.getId());
        return at;
    }

    private Task escalationOf(List<Task> escalations, Task review) {
        Object slot = taskService.getVariable(review.getId(), "loopCounter");
        return escalations.stream().filter(task -> slot.equals(taskService.getVariable(task.getId(), "loopCounter")))
                .findFirst().orElseThrow();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant callDue(ProgrammeCall call) {
        return call.closesAt().plus(REVIEW_DEADLINE).truncatedTo(ChronoUnit.MILLIS);
    }

    private String email(String userId) {
        return identityService.createUserQuery().userId(userId).singleResult().getEmail();
    }

    private ProgrammeCall call(int territorial, int cross) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        List<Criterion> criteria = new ArrayList<>();
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            criteria.add(new Criterion(criterion.code(), criterion.label(), "Repères.", 1));
        }
        ProgrammeCall call = new ProgrammeCall("esc-" + suffix, "fin-de-vie", "Fin de vie et deuil",
                "Appel de test " + suffix, "Un appel de test.", "Tout le monde.", "E" + suffix.substring(0, 6).toUpperCase(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), List.of("gironde", "lyon-ain"),
                EnumSet.allOf(LegalForm.class), EnumSet.allOf(Stage.class), Duration.ofDays(14), Duration.ofDays(10), criteria);
        calls.insert(call);
        calls.saveSelectionSettings(call.id(), new SelectionSettings(Map.of("atis", 2, "ronalpia", 2), 4, 2, territorial, cross,
                REVIEW_DEADLINE, REMINDER_BEFORE, ESCALATION_AFTER, false, List.of(), Duration.ofDays(60),
                Duration.ofDays(270), Duration.ofDays(28)));
        return call;
    }

    private ProcessInstance eligible(ProgrammeCall call) {
        ApplicationForm form = ApplicationForms.valid("33", "porteur-" + UUID.randomUUID() + "@example.org");
        form.setOrganisationName("Structure " + UUID.randomUUID().toString().substring(0, 8));
        form.setSiret(null);
        SubmissionResult result = submissions.submit(call.id(), form, Optional.empty(), null);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(result.reference())
                .processDefinitionKey("application").singleResult();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        Task check = single(pi, "UserTask_CheckEligibility");
        taskService.complete(check.getId(), Map.of("eligibilityOutcome", "ELIGIBLE"));
        return pi;
    }

    private static Map<String, Object> review() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("conflictOfInterest", false);
        for (String name : List.of("scoreSocialImpact", "scoreInnovation", "scoreTeam", "scoreEconomicModel",
                "scoreThemeFit", "scoreScaling")) {
            variables.put(name, 4);
        }
        variables.put("reviewComment", "Solide.");
        variables.put("recommendation", "SELECT");
        return variables;
    }

    private List<Task> tasks(ProcessInstance pi, String activityId) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId)
                .orderByTaskAssignee().asc().list();
    }

    private Task single(ProcessInstance pi, String activityId) {
        List<Task> tasks = tasks(pi, activityId);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private List<Job> timers(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().list();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    private List<OutboxRows.Mail> mails(ProcessInstance pi) {
        return OutboxRows.forApplication(jdbc, pi.getBusinessKey());
    }

    private OutboxRows.Mail lastMail(ProcessInstance pi) {
        List<OutboxRows.Mail> mails = mails(pi);
        return mails.get(mails.size() - 1);
    }
}
