package org.luoshi.workflow.engine;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;

/**
 * The engine's default job executor, with named threads and the application's class loader as context class loader
 * while jobs run.
 *
 * <p>The stock {@link ExecuteJobsRunnable} switches the context class loader to the one that loaded the engine.
 * Under Quarkus that loader need not see the application: in {@code @QuarkusTest} the engine jar sits in the base
 * runtime class loader and the REST client, which loads its entity classes through the context class loader, failed
 * with {@code ClassNotFoundException: ...TaskView} inside every job.
 */
class QuarkusJobExecutor extends DefaultJobExecutor {
    private final ClassLoader applicationClassLoader = QuarkusJobExecutor.class.getClassLoader();
    private final AtomicInteger threads = new AtomicInteger();

    @Override
    protected void startExecutingJobs() {
        if (threadPoolExecutor == null || threadPoolExecutor.isShutdown()) {
            threadPoolExecutor = new ThreadPoolExecutor(corePoolSize, maxPoolSize, 0L, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(queueSize), threadFactory("luoshi-job-"));
            threadPoolExecutor.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        }
        super.startExecutingJobs();
    }

    @Override
    protected void startJobAcquisitionThread() {
        if (jobAcquisitionThread == null) {
            jobAcquisitionThread = threadFactory("luoshi-job-acquisition").newThread(acquireJobsRunnable);
            jobAcquisitionThread.start();
        }
    }

    @Override
    public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
        return new ExecuteJobsRunnable(jobIds, processEngine) {
            @Override
            protected ClassLoader switchClassLoader() {
                Thread current = Thread.currentThread();
                ClassLoader before = current.getContextClassLoader();
                current.setContextClassLoader(applicationClassLoader);
                return before;
            }
        };
    }

    private ThreadFactory threadFactory(String prefix) {
        return runnable -> {
            Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + threads.incrementAndGet() : prefix);
            thread.setContextClassLoader(applicationClassLoader);
            return thread;
        };
    }
}
