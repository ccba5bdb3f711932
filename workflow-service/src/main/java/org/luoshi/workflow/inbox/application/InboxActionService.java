package org.luoshi.workflow.inbox.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.inbox.api.CommentAdded;
import org.luoshi.workflow.inbox.api.HistoryEntry;
import org.luoshi.workflow.inbox.api.InboxItem;
import org.luoshi.workflow.workitem.WorkItems;
import org.luoshi.workflow.directory.PeopleDirectory;

/**
 * Claim, release, delegate and comment on a work item, and its history. Entitlement comes from the read model (404
 * for items that are missing or not the caller's); each change is one engine command in the caller's transaction, and
 * the read model follows in that same transaction through the engine's task listener.
 */
@ApplicationScoped
public class InboxActionService {
    private static final Logger LOG = Logger.getLogger(InboxActionService.class);
    private static final String ITEM = "Inbox item";

    @Inject
    TaskService taskService;

    @Inject
    WorkItems workItems;

    @Inject
    InboxQueries queries;

    @Inject
    CurrentUser user;

    @Inject
    PeopleDirectory people;

    /** The caller takes the item; 409 when someone else holds it. Claiming one's own item again changes nothing. */
    @Transactional
    public InboxItem claim(String id) {
        InboxItem item = openEntitled(id);
        String me = user.username();
        if (item.assignee() != null && !item.assignee().equals(me)) {
            throw new ConflictException("The item is held by " + item.assignee());
        }
        if (item.assignee() == null) {
            asCaller(() -> taskService.claim(id, me));
            LOG.infof("%s claimed %s", me, id);
        }
        return reload(id);
    }

    /** The holder, or a supervisor, gives the item back to its candidate groups. */
    @Transactional
    public InboxItem unclaim(String id) {
        boolean supervisor = user.hasRole(Roles.SUPERVISOR);
        InboxItem item = (supervisor ? queries.findOpen(id) : queries.findOpenEntitled(id, InboxEntitlement.of(user)))
                .orElseThrow(() -> new ResourceNotFoundException(ITEM, id)).item();
        if (item.assignee() == null) {
            return item;
        }
        if (!item.assignee().equals(user.username()) && !supervisor) {
            throw new ConflictException("Only " + item.assignee() + " or a supervisor can release the item");
        }
        asCaller(() -> taskService.setAssignee(id, null));
        LOG.infof("%s released %s (held by %s)", user.username(), id, item.assignee());
        return reload(id);
    }

    /**
     * The holder hands the item to a colleague: someone Keycloak knows, enabled, and entitled to the item by its
     * candidate groups ({@link DelegationPolicy}); anyone else is refused naming {@code to}, before anything changes.
     */
    @Transactional
    public InboxItem delegate(String id, String to) {
        InboxItem item = openEntitled(id);
        String me = user.username();
        if (!me.equals(item.assignee())) {
            throw new ConflictException(item.assignee() == null ? "Claim the item before delegating it"
                    : "The item is held by " + item.assignee());
        }
        if (to.equals(me)) {
            throw new InvalidFieldException("to", "must be someone else than yourself");
        }
        PeopleDirectory.Person receiver = people.find(to)
                .orElseThrow(() -> new InvalidFieldException("to", "no such user: " + to, ViolationCodes.INVALID));
        if (!DelegationPolicy.mayReceive(receiver, item.candidateGroups())) {
            throw new InvalidFieldException("to", to + " may not take this item: it is offered to " + item.candidateGroups()
                    + " only", ViolationCodes.INVALID);
        }
        asCaller(() -> taskService.delegateTask(id, to));
        LOG.infof("%s delegated %s to %s", me, id, to);
        return reload(id);
    }

    @Transactional
    public CommentAdded comment(String id, String text) {
        InboxItem item = openEntitled(id);
        Comment[] comment = new Comment[1];
        asCaller(() -> comment[0] = taskService.createComment(id, item.processInstanceId(), text.strip()));
        return new CommentAdded(comment[0].getId(), id, user.username(), comment[0].getTime().toInstant(),
                comment[0].getFullMessage());
    }

    /** Who did what to the item and when, from the first to the last; open or ended, if the caller was entitled. */
    public List<HistoryEntry> history(String id) {
        queries.findEverEntitled(id, InboxEntitlement.of(user)).orElseThrow(() -> new ResourceNotFoundException(ITEM, id));
        List<HistoryEntry> entries = new ArrayList<>();
        for (String[] event : queries.events(id)) {
            entries.add(new HistoryEntry(Instant.parse(event[0]), event[1], event[2], event[3]));
        }
        for (Comment comment : taskService.getTaskComments(id)) {
            entries.add(new HistoryEntry(comment.getTime().toInstant(), comment.getUserId(), "commented",
                    comment.getFullMessage()));
        }
        entries.sort(Comparator.comparing(HistoryEntry::at));
        return entries;
    }

    private InboxItem openEntitled(String id) {
        return queries.findOpenEntitled(id, InboxEntitlement.of(user))
                .orElseThrow(() -> new ResourceNotFoundException(ITEM, id)).item();
    }

    private InboxItem reload(String id) {
        return queries.findOpen(id).orElseThrow(() -> new ResourceNotFoundException(ITEM, id)).item();
    }

    private void asCaller(Runnable engineCall) {
        workItems.asUser(user.username(), engineCall);
    }
}
