package org.luoshi.task.tracking.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.luoshi.task.tracking.api.TaskQuery;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.TaskStatus;

/** The filters and order of a task list, shared by the ledger as JSON and as .xlsx. */
public class TaskFilterParams {
    @QueryParam("chapterId")
    Long chapterId;

    @QueryParam("sectionId")
    Long sectionId;

    @QueryParam("department")
    String department;

    /** LEAD, CO or ANY. */
    @QueryParam("departmentRole")
    String departmentRole;

    @QueryParam("status")
    List<TaskStatus> statuses;

    @QueryParam("light")
    List<StatusLight> lights;

    @QueryParam("dueFrom")
    LocalDate dueFrom;

    @QueryParam("dueTo")
    LocalDate dueTo;

    @QueryParam("q")
    String text;

    /** reference (the plan's order), dueDate, title, status or light. */
    @QueryParam("sort")
    @DefaultValue("reference")
    String sort;

    @QueryParam("desc")
    @DefaultValue("false")
    boolean descending;

    TaskQuery toQuery(Long planId, int page, int size) {
        return new TaskQuery(planId, chapterId, sectionId, department, departmentRole, statuses, lights, dueFrom, dueTo, text,
                sort, descending, page, size);
    }
}
