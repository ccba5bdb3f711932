package org.luoshi.workflow.milestone.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.milestone.api.BulkTrackingResult;
import org.luoshi.workflow.taskservice.ServiceCalls;
import org.luoshi.workflow.taskservice.TaskServiceClient;
import org.luoshi.workflow.taskservice.TaskServiceRefusal;
import org.luoshi.workflow.taskservice.TaskServiceUnavailableException;
import org.luoshi.workflow.taskservice.TaskView;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * 节点填报与审核 for every open milestone of a plan's (or a section's) accepted tasks at once, as a national deployment
 * starts: a page of tasks at a time, each page in a transaction of its own with one call to task-service for its
 * milestones. A call that fails halfway keeps the pages it committed; calling again continues where it stopped, since
 * a tracked milestone is never started twice ({@link MilestoneTrackingRegistry}), not even by two calls at once.
 */
@ApplicationScoped
public class BulkMilestoneTracking {
    private static final Logger LOG = Logger.getLogger(BulkMilestoneTracking.class);
    @Inject
    @RestClient
    TaskServiceClient taskService;

    @Inject
    MilestoneTracker tracker;

    @Inject
    CurrentUser user;

    @Inject
    BulkTrackingConfig config;

    public BulkTrackingResult track(long planId, Long sectionId) {
        long began = System.nanoTime();
        int tasks = 0;
        int started = 0;
        int already = 0;
        int perPage = config.tasksPerPage();
        for (int page = 0;; page++) {
            int number = page;
            TaskServiceClient.TaskPage tasksOfPage = read("tasks of plan " + planId,
                    () -> taskService.listTasks(planId, sectionId, "ACCEPTED", number, perPage));
            List<TaskView> items = tasksOfPage.items() == null ? List.of() : tasksOfPage.items();
            if (items.isEmpty()) {
                break;
            }
            List<MilestoneTracker.Tracked> tracked = read("the tracking of plan " + planId,
                    () -> QuarkusTransaction.requiringNew().call(() -> tracker.track(items)));
            tasks += items.size();
            int now = (int) tracked.stream().filter(MilestoneTracker.Tracked::started).count();
            started += now;
            already += tracked.size() - now;
            if ((long) (page + 1) * perPage >= tasksOfPage.total()) {
                break;
            }
        }
        LOG.infof("%s tracked plan %d%s in bulk: %d tasks, %d milestones started, %d tracked already, %d ms",
                user.username(), planId, sectionId == null ? "" : " section " + sectionId, tasks, started, already,
                (System.nanoTime() - began) / 1_000_000);
        return new BulkTrackingResult(planId, sectionId, tasks, started, already);
    }

    /** task-service's refusal or absence is a 503 here: the pages committed so far stay, a retry continues. */
    private static <T> T read(String what, java.util.function.Supplier<T> call) {
        try {
            return ServiceCalls.call(what, call);
        } catch (TaskServiceRefusal | jakarta.ws.rs.WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            throw new TaskServiceUnavailableException("task-service did not answer for " + what, e);
        }
    }
}
