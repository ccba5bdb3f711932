package org.luoshi.workflow.inbox.readmodel;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds {@link InboxTaskListener} to every user task of every process the engine parses, present and future. */
public class InboxParseListener extends AbstractBpmnParseListener {
    private static final String[] EVENTS = { TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE };

    private final InboxTaskListener listener;

    public InboxParseListener(InboxReadModel readModel) {
        this.listener = new InboxTaskListener(readModel);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
            TaskDefinition definition = behavior.getTaskDefinition();
            for (String event : EVENTS) {
                definition.addBuiltInTaskListener(event, listener);
            }
        }
    }
}
