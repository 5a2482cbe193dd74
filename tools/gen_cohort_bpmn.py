# Generates processes/cohort-support.bpmn (model + diagram). Run: python3 tools/gen_cohort_bpmn.py
from xml.sax.saxutils import escape

SIZES = {'start': (36, 36), 'end': (36, 36), 'service': (100, 80), 'user': (100, 80), 'receive': (100, 80),
         'xor': (50, 50), 'timer': (36, 36), 'boundary': (36, 36)}
nodes = {}   # id -> dict
order = []
flows = []   # (id, src, tgt, name, cond)

def node(id, kind, x, y, name, parent='process', **kw):
    w, h = kw.pop('size', SIZES.get(kind, (100, 80)))
    nodes[id] = dict(id=id, kind=kind, x=x, y=y, w=w, h=h, name=name, parent=parent, **kw)
    order.append(id)

def flow(id, src, tgt, name=None, cond=None, via=None):
    flows.append(dict(id=id, src=src, tgt=tgt, name=name, cond=cond, via=via))

RETRY = '<camunda:failedJobRetryTimeCycle>R5/PT5M</camunda:failedJobRetryTimeCycle>'
P = 'process'
S = 'SubProcess_Support'
T = 'SubProcess_SupportPeriod'

# ---- top level
node('StartEvent_SupportStarted', 'start', 102, 262, 'Lauréat sélectionné')
node(S, 'sub', 190, 80, "Accompagnement du lauréat", size=(2130, 620))
node('ServiceTask_SendClosingEmail', 'service', 2380, 240, "Clore l'accompagnement et envoyer le courriel de clôture",
     expr='${cohortSteps.finish(execution)}')
node('EndEvent_SupportFinished', 'end', 2542, 262, 'Accompagnement terminé')
node('Event_Withdrawn', 'boundary', 402, 682, 'Candidature retirée', attached=S, message='Message_ApplicationWithdrawn', interrupting=True)
node('Event_SupportStopped', 'boundary', 1202, 682, 'Arrêt à mi-parcours', attached=S, error='Error_SupportStopped', interrupting=True)
node('Gateway_JoinEnd', 'xor', 595, 775, 'Fin anticipée')
node('ServiceTask_RecordSupportEnd', 'service', 700, 760, "Enregistrer la fin et informer la coordination",
     expr='${cohortSteps.endEarly(execution)}')
node('ServiceTask_PromoteReplacement', 'service', 860, 760, "Promouvoir un remplaçant de la liste d'attente",
     expr='${cohortSteps.replace(execution)}')
node('Gateway_PromotionOutcome', 'xor', 1025, 775, 'Remplacement ?')
node('EndEvent_Replaced', 'end', 1142, 782, 'Remplaçant promu')
node('EndEvent_NoReplacement', 'end', 1142, 882, 'Pas de remplacement')
node('UserTask_ProposePromotion', 'user', 1120, 960, "Proposer la promotion d'une autre liste d'attente",
     form='propose-promotion', groups='kiif-coordination', create='${cohortSteps.proposalCreated(task)}',
     complete='${cohortSteps.validateProposal(task)}')
node('Timer_ProposalWindowClosed', 'boundary', 1152, 1022, 'Fenêtre de promotion close', attached='UserTask_ProposePromotion',
     timeDate='${promotionWindowEnd}', interrupting=True)
node('EndEvent_ProposalExpired', 'end', 1232, 1102, 'Proposition sans suite')
node('Gateway_ProposalAccepted', 'xor', 1295, 975, 'Promotion acceptée ?')
node('ServiceTask_PromoteProposed', 'service', 1400, 960, 'Promouvoir la candidature proposée',
     expr='${cohortSteps.acceptProposal(execution)}')
node('EndEvent_ProposalPromoted', 'end', 1562, 982, 'Promotion traitée')
node('EndEvent_ProposalSkipped', 'end', 1412, 1082, 'Proposition écartée')

flow('Flow_Started', 'StartEvent_SupportStarted', S)
flow('Flow_SupportCompleted', S, 'ServiceTask_SendClosingEmail')
flow('Flow_ClosingSent', 'ServiceTask_SendClosingEmail', 'EndEvent_SupportFinished')
flow('Flow_Withdrawn', 'Event_Withdrawn', 'Gateway_JoinEnd')
flow('Flow_Stopped', 'Event_SupportStopped', 'Gateway_JoinEnd')
flow('Flow_ToRecordEnd', 'Gateway_JoinEnd', 'ServiceTask_RecordSupportEnd')
flow('Flow_EndRecorded', 'ServiceTask_RecordSupportEnd', 'ServiceTask_PromoteReplacement')
flow('Flow_ReplacementTried', 'ServiceTask_PromoteReplacement', 'Gateway_PromotionOutcome')
flow('Flow_Promoted', 'Gateway_PromotionOutcome', 'EndEvent_Replaced', 'Promu (même incubateur)', "${promotionOutcome == 'PROMOTED'}")
flow('Flow_NoReplacement', 'Gateway_PromotionOutcome', 'EndEvent_NoReplacement', 'Aucun (fenêtre close ou liste vide)', "${promotionOutcome == 'NONE'}")
flow('Flow_ToPropose', 'Gateway_PromotionOutcome', 'UserTask_ProposePromotion', 'Autre incubateur', "${promotionOutcome == 'PROPOSE'}")
flow('Flow_Proposed', 'UserTask_ProposePromotion', 'Gateway_ProposalAccepted')
flow('Flow_ProposalExpired', 'Timer_ProposalWindowClosed', 'EndEvent_ProposalExpired')
flow('Flow_Accepted', 'Gateway_ProposalAccepted', 'ServiceTask_PromoteProposed', 'Accepter', '${promotionAccepted}')
flow('Flow_Skipped', 'Gateway_ProposalAccepted', 'EndEvent_ProposalSkipped', 'Passer', '${!promotionAccepted}')
flow('Flow_ProposedPromoted', 'ServiceTask_PromoteProposed', 'EndEvent_ProposalPromoted')

# ---- SubProcess_Support
node('StartEvent_Support', 'start', 222, 182, 'Accompagnement lancé', parent=S)
node('ServiceTask_AssignCoach', 'service', 290, 160, "Désigner la personne chargée d'accompagnement", parent=S,
     expr='${cohortSteps.assignCoach(execution)}')
node('UserTask_Onboarding', 'user', 440, 160, "Lancer l'accompagnement et établir le plan", parent=S,
     form='support-onboarding', assignee='${coachId}', groups='${incubatorGroup}',
     create='${taskDeadlines.dueAfter(task, onboardingDelay)}', complete='${cohortSteps.validateOnboarding(task)}')
node('Timer_OnboardingOverdue', 'boundary', 472, 222, 'Lancement en retard', parent=S, attached='UserTask_Onboarding',
     timeDuration='${onboardingDelay}', interrupting=False)
node('ServiceTask_EscalateOnboarding', 'service', 440, 300, 'Signaler le retard à la coordination', parent=S,
     expr='${cohortSteps.overdue(execution)}')
node('EndEvent_OnboardingEscalated', 'end', 472, 432, 'Retard signalé', parent=S)
node('ServiceTask_RecordSupportPlan', 'service', 590, 160, "Enregistrer le plan et l'envoyer au lauréat", parent=S,
     expr='${cohortSteps.recordPlan(execution)}')
node('ReceiveTask_BaselineImpact', 'receive', 740, 160, "Mesure d'impact initiale (à venir)", parent=S,
     message='Message_ImpactMeasured', doc="Remplacée par l'évaluation d'impact (phase BASELINE) : message ImpactMeasured. En attendant, la coordination peut la passer depuis Cockpit.")
node('ServiceTask_StartSupportPeriod', 'service', 890, 160, 'Planifier les points d\'étape et les bilans', parent=S,
     expr='${cohortSteps.startPeriod(execution, now())}')
node(T, 'sub', 1030, 110, 'Accompagnement en cours', parent=S, size=(720, 240))
node('UserTask_FinalReview', 'user', 1790, 160, 'Bilan final', parent=S, form='support-final-review', assignee='${coachId}',
     groups='${incubatorGroup}', create='${taskDeadlines.dueAfter(task, reviewDelay)}', complete='${cohortSteps.validateFinal(task)}')
node('Timer_FinalReviewOverdue', 'boundary', 1822, 222, 'Bilan final en retard', parent=S, attached='UserTask_FinalReview',
     timeDuration='${reviewDelay}', interrupting=False)
node('ServiceTask_EscalateFinalReview', 'service', 1790, 300, 'Signaler le retard à la coordination', parent=S,
     expr='${cohortSteps.overdue(execution)}')
node('EndEvent_FinalReviewEscalated', 'end', 1822, 432, 'Retard signalé', parent=S)
node('ServiceTask_RecordFinalReview', 'service', 1940, 160, 'Enregistrer le bilan final', parent=S,
     expr='${cohortSteps.recordFinal(execution)}')
node('ReceiveTask_FinalImpact', 'receive', 2090, 160, "Mesure d'impact finale (à venir)", parent=S,
     message='Message_ImpactMeasured', doc="Remplacée par l'évaluation d'impact (phase FINAL) : message ImpactMeasured. En attendant, la coordination peut la passer depuis Cockpit.")
node('EndEvent_SupportCompleted', 'end', 2242, 182, 'Parcours achevé', parent=S, terminate=True)
# check-ins (boundary cycle on the period)
node('Timer_CheckInDue', 'boundary', 1202, 332, "Point d'étape", parent=S, attached=T, timeCycle='${checkInCycle}', interrupting=False)
node('UserTask_CheckIn', 'user', 1170, 430, "Point d'étape", parent=S, form='support-check-in', assignee='${coachId}',
     groups='${incubatorGroup}', create='${cohortSteps.checkInCreated(task)}', complete='${cohortSteps.checkInCompleted(task)}')
node('Timer_CheckInReminder', 'boundary', 1152, 492, "Rappel avant l'échéance", parent=S, attached='UserTask_CheckIn',
     timeDuration='${checkInReminderAfter}', interrupting=False)
node('ServiceTask_SendCheckInReminder', 'service', 1020, 560, "Rappeler le point d'étape", parent=S,
     expr='${cohortSteps.checkInReminder(execution)}')
node('EndEvent_CheckInReminderSent', 'end', 942, 582, 'Rappel envoyé', parent=S)
node('Timer_CheckInOverdue', 'boundary', 1222, 492, "Point d'étape en retard", parent=S, attached='UserTask_CheckIn',
     timeDuration='${checkInDueAfter}', interrupting=False)
node('ServiceTask_EscalateCheckIn', 'service', 1280, 560, 'Signaler le retard à la coordination', parent=S,
     expr='${cohortSteps.overdue(execution)}')
node('EndEvent_CheckInEscalated', 'end', 1432, 582, 'Retard signalé', parent=S)
node('Gateway_RiskLevel', 'xor', 1335, 445, 'Risque élevé ?', parent=S)
node('ServiceTask_NotifyHighRisk', 'service', 1440, 430, 'Alerter la coordination : risque élevé', parent=S,
     expr='${cohortSteps.highRisk(execution)}')
node('EndEvent_HighRiskNotified', 'end', 1592, 452, 'Coordination alertée', parent=S)
node('EndEvent_CheckInDone', 'end', 1342, 382, "Point d'étape fait", parent=S, size=(36, 36))

flow('Flow_SupportStart', 'StartEvent_Support', 'ServiceTask_AssignCoach')
flow('Flow_CoachAssigned', 'ServiceTask_AssignCoach', 'UserTask_Onboarding')
flow('Flow_Onboarded', 'UserTask_Onboarding', 'ServiceTask_RecordSupportPlan')
flow('Flow_OnboardingOverdue', 'Timer_OnboardingOverdue', 'ServiceTask_EscalateOnboarding')
flow('Flow_OnboardingEscalated', 'ServiceTask_EscalateOnboarding', 'EndEvent_OnboardingEscalated')
flow('Flow_PlanRecorded', 'ServiceTask_RecordSupportPlan', 'ReceiveTask_BaselineImpact')
flow('Flow_BaselineMeasured', 'ReceiveTask_BaselineImpact', 'ServiceTask_StartSupportPeriod')
flow('Flow_PeriodPlanned', 'ServiceTask_StartSupportPeriod', T)
flow('Flow_PeriodOver', T, 'UserTask_FinalReview')
flow('Flow_FinalReviewed', 'UserTask_FinalReview', 'ServiceTask_RecordFinalReview')
flow('Flow_FinalReviewOverdue', 'Timer_FinalReviewOverdue', 'ServiceTask_EscalateFinalReview')
flow('Flow_FinalReviewEscalated', 'ServiceTask_EscalateFinalReview', 'EndEvent_FinalReviewEscalated')
flow('Flow_FinalRecorded', 'ServiceTask_RecordFinalReview', 'ReceiveTask_FinalImpact')
flow('Flow_FinalMeasured', 'ReceiveTask_FinalImpact', 'EndEvent_SupportCompleted')
flow('Flow_CheckInDue', 'Timer_CheckInDue', 'UserTask_CheckIn')
flow('Flow_CheckInDone', 'UserTask_CheckIn', 'Gateway_RiskLevel')
flow('Flow_CheckInReminder', 'Timer_CheckInReminder', 'ServiceTask_SendCheckInReminder')
flow('Flow_CheckInReminderSent', 'ServiceTask_SendCheckInReminder', 'EndEvent_CheckInReminderSent')
flow('Flow_CheckInOverdue', 'Timer_CheckInOverdue', 'ServiceTask_EscalateCheckIn')
flow('Flow_CheckInEscalated', 'ServiceTask_EscalateCheckIn', 'EndEvent_CheckInEscalated')
flow('Flow_HighRisk', 'Gateway_RiskLevel', 'ServiceTask_NotifyHighRisk', 'Oui', "${riskLevel == 'HIGH'}")
flow('Flow_NotHighRisk', 'Gateway_RiskLevel', 'EndEvent_CheckInDone', 'Non', "${riskLevel != 'HIGH'}")
flow('Flow_HighRiskNotified', 'ServiceTask_NotifyHighRisk', 'EndEvent_HighRiskNotified')

# ---- SubProcess_SupportPeriod
node('StartEvent_Period', 'start', 1052, 182, 'Période lancée', parent=T)
node('Timer_MidTerm', 'timer', 1122, 182, 'Mi-parcours', parent=T, timeDate='${midTermAt}')
node('UserTask_MidTermReview', 'user', 1190, 160, 'Bilan à mi-parcours', parent=T, form='support-mid-term-review',
     assignee='${coachId}', groups='${incubatorGroup}', create='${taskDeadlines.dueAfter(task, reviewDelay)}',
     complete='${cohortSteps.validateMidTerm(task)}')
node('Timer_MidTermOverdue', 'boundary', 1222, 222, 'Bilan en retard', parent=T, attached='UserTask_MidTermReview',
     timeDuration='${reviewDelay}', interrupting=False)
node('ServiceTask_EscalateMidTerm', 'service', 1290, 250, 'Signaler le retard à la coordination', parent=T,
     expr='${cohortSteps.overdue(execution)}', size=(100, 80))
node('EndEvent_MidTermEscalated', 'end', 1422, 272, 'Retard signalé', parent=T)
node('ServiceTask_RecordMidTermReview', 'service', 1340, 130, 'Enregistrer le bilan à mi-parcours', parent=T,
     expr='${cohortSteps.recordMidTerm(execution)}', size=(100, 80))
node('Gateway_ContinueSupport', 'xor', 1475, 145, "L'accompagnement continue ?", parent=T)
node('Timer_SupportEnd', 'timer', 1562, 152, "Fin de l'accompagnement", parent=T, timeDate='${supportEndsAt}')
node('EndEvent_PeriodOver', 'end', 1662, 152, 'Période achevée', parent=T)
node('EndEvent_SupportStopped', 'end', 1562, 262, 'Accompagnement arrêté', parent=T, errorEnd='Error_SupportStopped')

flow('Flow_PeriodStarted', 'StartEvent_Period', 'Timer_MidTerm')
flow('Flow_MidTermDue', 'Timer_MidTerm', 'UserTask_MidTermReview')
flow('Flow_MidTermReviewed', 'UserTask_MidTermReview', 'ServiceTask_RecordMidTermReview')
flow('Flow_MidTermOverdue', 'Timer_MidTermOverdue', 'ServiceTask_EscalateMidTerm')
flow('Flow_MidTermEscalated', 'ServiceTask_EscalateMidTerm', 'EndEvent_MidTermEscalated')
flow('Flow_MidTermRecorded', 'ServiceTask_RecordMidTermReview', 'Gateway_ContinueSupport')
flow('Flow_Continue', 'Gateway_ContinueSupport', 'Timer_SupportEnd', 'Oui', '${continueSupport}')
flow('Flow_Stop', 'Gateway_ContinueSupport', 'EndEvent_SupportStopped', 'Non : arrêt', '${!continueSupport}')
flow('Flow_SupportEnded', 'Timer_SupportEnd', 'EndEvent_PeriodOver')

# ---------------------------------------------------------------- rendering
def incoming(id):
    return [f['id'] for f in flows if f['tgt'] == id]

def outgoing(id):
    return [f['id'] for f in flows if f['src'] == id]

def children(parent):
    return [nodes[i] for i in order if nodes[i]['parent'] == parent]

def render(n, ind):
    sp = ' ' * ind
    id, k, name = n['id'], n['kind'], escape(n['name'], {'"': '&quot;'})
    io = ''.join(f'{sp}  <bpmn:incoming>{f}</bpmn:incoming>\n' for f in incoming(id)) + \
         ''.join(f'{sp}  <bpmn:outgoing>{f}</bpmn:outgoing>\n' for f in outgoing(id))
    doc = f'{sp}  <bpmn:documentation>{escape(n["doc"])}</bpmn:documentation>\n' if n.get('doc') else ''
    if k == 'start':
        return f'{sp}<bpmn:startEvent id="{id}" name="{name}">\n{io}{sp}</bpmn:startEvent>\n'
    if k == 'end':
        inner = ''
        if n.get('terminate'):
            inner = f'{sp}  <bpmn:terminateEventDefinition id="TerminateEventDefinition_{id[9:]}" />\n'
        if n.get('errorEnd'):
            inner = f'{sp}  <bpmn:errorEventDefinition id="ErrorEventDefinition_End{id[9:]}" errorRef="{n["errorEnd"]}" />\n'
        return f'{sp}<bpmn:endEvent id="{id}" name="{name}">\n{io}{inner}{sp}</bpmn:endEvent>\n'
    if k == 'service':
        return (f'{sp}<bpmn:serviceTask id="{id}" name="{name}" camunda:expression="{n["expr"]}">\n{io}'
                f'{sp}</bpmn:serviceTask>\n')
    if k == 'receive':
        return (f'{sp}<bpmn:receiveTask id="{id}" name="{name}" messageRef="{n["message"]}">\n{doc}{io}{sp}</bpmn:receiveTask>\n')
    if k == 'xor':
        return f'{sp}<bpmn:exclusiveGateway id="{id}" name="{name}">\n{io}{sp}</bpmn:exclusiveGateway>\n'
    if k == 'user':
        attrs = f'camunda:formRef="{n["form"]}" camunda:formRefBinding="deployment"'
        if n.get('assignee'):
            attrs += f' camunda:assignee="{n["assignee"]}"'
        attrs += f' camunda:candidateGroups="{n["groups"]}"'
        ext = f'{sp}  <bpmn:extensionElements>\n'
        ext += f'{sp}    <camunda:taskListener expression="{n["create"]}" event="create" />\n'
        ext += f'{sp}    <camunda:taskListener expression="{n["complete"]}" event="complete" />\n'
        ext += f'{sp}  </bpmn:extensionElements>\n'
        return f'{sp}<bpmn:userTask id="{id}" name="{name}" {attrs}>\n{ext}{io}{sp}</bpmn:userTask>\n'
    if k in ('timer', 'boundary'):
        if k == 'timer':
            head = f'{sp}<bpmn:intermediateCatchEvent id="{id}" name="{name}">\n'
            tail = f'{sp}</bpmn:intermediateCatchEvent>\n'
        else:
            ci = '' if n['interrupting'] else ' cancelActivity="false"'
            head = f'{sp}<bpmn:boundaryEvent id="{id}" name="{name}"{ci} attachedToRef="{n["attached"]}">\n'
            tail = f'{sp}</bpmn:boundaryEvent>\n'
        body = ''
        suffix = id.split('_', 1)[1]
        for key in ('timeDate', 'timeDuration', 'timeCycle'):
            if n.get(key):
                body = (f'{sp}  <bpmn:extensionElements>\n{sp}    {RETRY}\n{sp}  </bpmn:extensionElements>\n' + io +
                        f'{sp}  <bpmn:timerEventDefinition id="TimerEventDefinition_{suffix}">\n'
                        f'{sp}    <bpmn:{key} xsi:type="bpmn:tFormalExpression">{n[key]}</bpmn:{key}>\n'
                        f'{sp}  </bpmn:timerEventDefinition>\n')
        if n.get('message'):
            body = io + f'{sp}  <bpmn:messageEventDefinition id="MessageEventDefinition_{suffix}" messageRef="{n["message"]}" />\n'
        if n.get('error'):
            body = io + f'{sp}  <bpmn:errorEventDefinition id="ErrorEventDefinition_{suffix}" errorRef="{n["error"]}" />\n'
        return head + body + tail
    if k == 'sub':
        out = f'{sp}<bpmn:subProcess id="{id}" name="{name}">\n{io}'
        for c in children(id):
            out += render(c, ind + 2)
        for f in flows:
            if nodes[f['src']]['parent'] == id or (nodes[f['src']]['kind'] == 'boundary' and nodes[f['src']]['parent'] == id):
                out += render_flow(f, ind + 2)
        return out + f'{sp}</bpmn:subProcess>\n'
    raise ValueError(k)

def render_flow(f, ind):
    sp = ' ' * ind
    name = f' name="{escape(f["name"])}"' if f['name'] else ''
    head = f'{sp}<bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]}" targetRef="{f["tgt"]}"'
    if f['cond']:
        return (head + f'>\n{sp}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f["cond"])}'
                f'</bpmn:conditionExpression>\n{sp}</bpmn:sequenceFlow>\n')
    return head + ' />\n'

def center(n):
    return n['x'] + n['w'] / 2, n['y'] + n['h'] / 2

def waypoints(f):
    s, t = nodes[f['src']], nodes[f['tgt']]
    sx, sy = center(s)
    tx, ty = center(t)
    if s['kind'] == 'boundary':
        start = (sx, s['y'] + s['h'])
        if abs(tx - sx) < 1:
            return [start, (tx, t['y'])]
        if t['y'] > s['y'] + s['h']:
            end = (t['x'], ty) if tx > sx else (t['x'] + t['w'], ty)
            return [start, (sx, ty), end]
        return [start, (sx, ty), (t['x'] if tx > sx else t['x'] + t['w'], ty)]
    if abs(sy - ty) < 1:
        return [(s['x'] + s['w'], sy), (t['x'], ty)]
    if tx > s['x'] + s['w']:
        if t['kind'] in ('end', 'start', 'timer') and abs(tx - (s['x'] + s['w'] / 2)) < 200 and s['kind'] == 'xor':
            pass
        if s['kind'] == 'xor':
            start = (sx, s['y'] + s['h']) if ty > sy else (sx, s['y'])
            return [start, (sx, ty), (t['x'], ty)]
        mx = (s['x'] + s['w'] + t['x']) / 2
        return [(s['x'] + s['w'], sy), (mx, sy), (mx, ty), (t['x'], ty)]
    # target below/left: go down then left
    return [(sx, s['y'] + s['h']), (sx, ty), (t['x'] + t['w'], ty)] if tx < sx else [(sx, s['y'] + s['h']), (tx, t['y'])]

def di():
    out = ''
    for i in order:
        n = nodes[i]
        extra = ' isExpanded="true"' if n['kind'] == 'sub' else (' isMarkerVisible="true"' if n['kind'] == 'xor' else '')
        out += f'      <bpmndi:BPMNShape id="{i}_di" bpmnElement="{i}"{extra}>\n'
        out += f'        <dc:Bounds x="{n["x"]:.0f}" y="{n["y"]:.0f}" width="{n["w"]}" height="{n["h"]}" />\n'
        if n['kind'] in ('start', 'end', 'xor', 'timer', 'boundary'):
            out += (f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{n["x"] + n["w"] / 2 - 50:.0f}" '
                    f'y="{n["y"] + n["h"] + 5:.0f}" width="100" height="27" />\n        </bpmndi:BPMNLabel>\n')
        out += '      </bpmndi:BPMNShape>\n'
    for f in flows:
        out += f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">\n'
        for x, y in waypoints(f):
            out += f'        <di:waypoint x="{x:.0f}" y="{y:.0f}" />\n'
        out += '      </bpmndi:BPMNEdge>\n'
    return out

body = ''
for n in children(P):
    body += render(n, 4)
for f in flows:
    if nodes[f['src']]['parent'] == P:
        body += render_flow(f, 4)

xml = f'''<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_CohortSupport" targetNamespace="http://kiif.fr/programmes" exporter="Camunda Modeler" exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
  <bpmn:process id="cohort-support" name="Accompagnement d'un lauréat" isExecutable="true" camunda:historyTimeToLive="P180D">
{body}  </bpmn:process>
  <bpmn:message id="Message_ApplicationWithdrawn" name="ApplicationWithdrawn" />
  <bpmn:message id="Message_ImpactMeasured" name="ImpactMeasured" />
  <bpmn:error id="Error_SupportStopped" name="Accompagnement arrêté à mi-parcours" errorCode="SUPPORT_STOPPED" />
  <bpmndi:BPMNDiagram id="BPMNDiagram_CohortSupport">
    <bpmndi:BPMNPlane id="BPMNPlane_CohortSupport" bpmnElement="cohort-support">
{di()}    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
'''
open('processes/cohort-support.bpmn', 'w').write(xml)
print('ok', len(nodes), 'nodes', len(flows), 'flows')
