package org.luoshi.task.disclosure.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.luoshi.task.shared.application.BusinessCalendar;

import io.quarkus.scheduler.Scheduled;

/**
 * 定期公布: runs {@link DisclosureService#publishDue} for Beijing's today. The cron ({@code luoshi.disclosure.cron},
 * daily by default, in the server's time zone; "off" disables it) only says when to look: the work is per period,
 * so running more often publishes nothing twice, and a missed run is made up by the next one in the period. Every
 * node of task-service runs it; the period is claimed under a database lock (see publishDue), so several nodes
 * publish it once.
 */
@ApplicationScoped
public class RegularDisclosureJob {
    private static final Logger LOG = Logger.getLogger(RegularDisclosureJob.class);

    @Inject
    DisclosureService disclosure;

    @Inject
    BusinessCalendar calendar;

    @Scheduled(identity = "regular-disclosure", cron = "${luoshi.disclosure.cron:0 30 1 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        var published = disclosure.publishDue(calendar.today());
        if (!published.isEmpty()) {
            LOG.infof("regular disclosure published %d status snapshot(s): %s", published.size(), published);
        }
    }
}
