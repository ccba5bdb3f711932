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
        int perPage = config.tasksPerPage();
        Pages pages = new Pages(config.workers());
        try {
            for (int page = 0;; page++) {
                int number = page;
                TaskServiceClient.TaskPage tasksOfPage = read("tasks of plan " + planId,
                        () -> taskService.listTasks(planId, sectionId, "ACCEPTED", number, perPage));
                List<TaskView> items = tasksOfPage.items() == null ? List.of() : tasksOfPage.items();
                if (items.isEmpty()) {
                    break;
                }
                for (List<TaskView> group : transactions(items, config.milestonesPerTransaction())) {
                    pages.track(group, () -> read("the tracking of plan " + planId, () -> QuarkusTransaction.requiringNew()
                            .timeout(config.transactionTimeoutSeconds()).call(() -> tracker.track(group))));
                }
                if ((long) (page + 1) * perPage >= tasksOfPage.total()) {
                    break;
                }
            }
            pages.awaitAll();
        } finally {
            pages.close();
        }
        LOG.infof("%s tracked plan %d%s in bulk: %d tasks, %d milestones started, %d tracked already, %d ms",
                user.username(), planId, sectionId == null ? "" : " section " + sectionId, pages.tasks, pages.started,
                pages.already, (System.nanoTime() - began) / 1_000_000);
        return new BulkTrackingResult(planId, sectionId, pages.tasks, pages.started, pages.already);
    }

    /**
     * The page's tasks in groups of at most {@code limit} open milestones (a task with more is a group of its own): a
     * transaction's length follows its instances, not its tasks, and a plan whose tasks hold dozens of milestones each
     * would otherwise start thousands in one transaction and outlive its timeout.
     */
    static List<List<TaskView>> transactions(List<TaskView> tasks, int limit) {
        List<List<TaskView>> groups = new java.util.ArrayList<>();
        List<TaskView> group = new java.util.ArrayList<>();
        int milestones = 0;
        for (TaskView task : tasks) {
            int open = task.milestones() == null ? 0 : (int) task.milestones().stream().filter(TaskView.Milestone::open).count();
            if (!group.isEmpty() && milestones + open > limit) {
                groups.add(group);
                group = new java.util.ArrayList<>();
                milestones = 0;
            }
            group.add(task);
            milestones += open;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /**
     * The pages of one bulk call, tracked by up to {@code workers} threads while the next page is read: each page is its
     * own transaction, and pages name distinct milestones, so they do not wait for each other. The first failure stops
     * the reading of further pages; the pages committed stay, and the failure is the call's answer.
     */
    private static final class Pages implements AutoCloseable {
        private final java.util.concurrent.ExecutorService pool;
        private final java.util.concurrent.Semaphore slots;
        private final List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        int tasks;
        int started;
        int already;

        Pages(int workers) {
            pool = java.util.concurrent.Executors.newFixedThreadPool(workers, runnable -> {
                Thread thread = new Thread(runnable, "bulk-tracking");
                thread.setDaemon(true);
                return thread;
            });
            slots = new java.util.concurrent.Semaphore(workers);
        }

        void track(List<TaskView> items, java.util.function.Supplier<List<MilestoneTracker.Tracked>> page) {
            rethrow();
            slots.acquireUninterruptibly();
            if (failure.get() != null) { // a page failed while this one waited for its slot
                slots.release();
                rethrow();
            }
            running.add(pool.submit(() -> {
                try {
                    List<MilestoneTracker.Tracked> tracked = page.get();
                    int now = (int) tracked.stream().filter(MilestoneTracker.Tracked::started).count();
                    synchronized (this) {
                        tasks += items.size();
                        started += now;
                        already += tracked.size() - now;
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            }));
        }

        void awaitAll() {
            for (java.util.concurrent.Future<?> page : running) {
                try {
                    page.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while tracking in bulk", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            rethrow();
        }

        private void rethrow() {
            RuntimeException e = failure.get();
            if (e != null) {
                awaitQuietly();
                throw e;
            }
        }

        private void awaitQuietly() {
            for (java.util.concurrent.Future<?> page : running) {
                try {
                    page.get();
                } catch (Exception ignored) {
                    // its failure, if any, is recorded; the first one is the answer
                }
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /** task-service's refusal or absence is a 502 here: the pages committed so far stay, a retry continues. */
    private static <T> T read(String what, java.util.function.Supplier<T> call) {
        try {
            return ServiceCalls.call(what, call);
        } catch (TaskServiceRefusal | jakarta.ws.rs.WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            throw new TaskServiceUnavailableException("task-service did not answer for " + what, e);
        }
    }
}
