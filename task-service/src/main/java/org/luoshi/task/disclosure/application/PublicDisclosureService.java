package org.luoshi.task.disclosure.application;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.disclosure.api.DisclosureSummary;
import org.luoshi.task.disclosure.api.OpenDataSchema;
import org.luoshi.task.disclosure.api.PublicDocument;
import org.luoshi.task.disclosure.api.PublicPlanView;
import org.luoshi.task.disclosure.api.PublicSnapshot;
import org.luoshi.task.disclosure.domain.DisclosureSnapshot;
import org.luoshi.task.disclosure.domain.PublishedDocument;
import org.luoshi.task.disclosure.persistence.DisclosureSnapshotRepository;
import org.luoshi.task.disclosure.persistence.PublishedDocumentRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What anybody may read without logging in. It reads the published tables and nothing else: a plan, task or
 * document that was not published is not there to be found, whatever id is asked for.
 */
@ApplicationScoped
public class PublicDisclosureService {
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    @Inject
    DisclosureSnapshotRepository snapshots;

    @Inject
    PublishedDocumentRepository documents;

    @Inject
    ObjectMapper json;

    @Inject
    PublicSuccession succession;

    /**
     * Plans with at least one published snapshot, by period (the latest period first), and within a period the one most
     * recently brought up to date first.
     */
    @Transactional
    public List<PublicPlanView> plans() {
        return snapshots.latestOfEveryPlan().stream()
                .map(s -> {
                    PublicSuccession.Links links = succession.links(s.planId);
                    return new PublicPlanView(s.planId, s.planTitle, snapshots.countOfPlan(s.planId), s.id, s.asOf,
                            DisclosureSummary.href(s.id), links.periodStart(), links.periodEnd(),
                            links.predecessorPlanId(), links.successorPlanId());
                })
                .sorted(java.util.Comparator.comparingInt(PublicPlanView::periodStart).reversed())
                .toList();
    }

    /** The plan's published snapshots, newest first; a plan never published is not found. */
    @Transactional
    public List<DisclosureSummary> snapshotsOf(long planId) {
        List<DisclosureSnapshot> list = snapshots.ofPlanNewestFirst(planId);
        if (list.isEmpty()) {
            throw new ResourceNotFoundException("published plan", planId);
        }
        return list.stream().map(DisclosureService::summary).toList();
    }

    @Transactional
    public PublicSnapshot snapshot(long id) {
        DisclosureSnapshot s = published(id);
        return new PublicSnapshot(s.id, s.content, s.sha256);
    }

    @Transactional
    public PublicSnapshot latest(long planId) {
        DisclosureSnapshot s = snapshots.latestOfPlan(planId)
                .orElseThrow(() -> new ResourceNotFoundException("published plan", planId));
        return new PublicSnapshot(s.id, s.content, s.sha256);
    }

    @Transactional
    public PublicDocument document(long id) {
        PublishedDocument d = documents.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("published document", id));
        return new PublicDocument(d.id, d.filename, d.mediaType, d.sha256, d.content);
    }

    /** Every open-data table of a snapshot, as JSON rows: {"chapters": [...], "departments": [...], ...}. */
    @Transactional
    public ObjectNode openData(long snapshotId) {
        DisclosureSnapshot s = published(snapshotId);
        JsonNode content = parse(s);
        ObjectNode all = json.createObjectNode();
        all.put("schemaVersion", content.path("schemaVersion").asInt());
        all.put("schema", "/api/public/open-data/schema");
        for (OpenDataSchema.Table table : OpenDataSchema.CURRENT.tables()) {
            all.set(table.name(), rows(table, content));
        }
        return all;
    }

    /** One open-data table of a snapshot as JSON rows, each with exactly the schema's fields in its order. */
    @Transactional
    public ArrayNode openDataTable(long snapshotId, OpenDataSchema.Table table) {
        return rows(table, parse(published(snapshotId)));
    }

    /** One open-data table as CSV: UTF-8 with a byte order mark (so that Excel reads Chinese right), CRLF lines. */
    @Transactional
    public byte[] openDataCsv(long snapshotId, OpenDataSchema.Table table) {
        return csv(table, rows(table, parse(published(snapshotId))));
    }

    static byte[] csv(OpenDataSchema.Table table, ArrayNode rows) {
        StringBuilder text = new StringBuilder();
        text.append(String.join(",", table.fieldNames().stream().map(PublicDisclosureService::cell).toList())).append("\r\n");
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>();
            for (OpenDataSchema.Field field : table.fields()) {
                JsonNode value = row.get(field.name());
                if (value == null || value.isNull()) {
                    cells.add("");
                } else if (field.type() == OpenDataSchema.Type.string) {
                    cells.add(cell(defused(value.asText())));
                } else if (value.isBigDecimal() || value.isFloatingPointNumber()) {
                    cells.add(value.decimalValue().toPlainString());
                } else {
                    cells.add(cell(value.asText()));
                }
            }
            text.append(String.join(",", cells)).append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UTF8_BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** A text that a spreadsheet would take for a formula gets a leading apostrophe (see the schema's encoding note). */
    private static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private ArrayNode rows(OpenDataSchema.Table table, JsonNode content) {
        ArrayNode rows = json.createArrayNode();
        for (JsonNode item : content.path(table.name())) {
            ObjectNode row = json.createObjectNode();
            for (OpenDataSchema.Field field : table.fields()) {
                JsonNode value = switch (field.name()) {
                    case "snapshotId" -> content.get("snapshotId");
                    case "planId" -> content.path("plan").get("id");
                    case "asOf" -> content.get("asOf");
                    default -> item.get(field.name());
                };
                row.set(field.name(), value == null ? json.nullNode() : value);
            }
            rows.add(row);
        }
        return rows;
    }

    private DisclosureSnapshot published(long id) {
        return snapshots.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("published snapshot", id));
    }

    private JsonNode parse(DisclosureSnapshot s) {
        try {
            // decimals stay as published (6.44 must not become 6.4399999…)
            return json.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(s.content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("published snapshot " + s.id + " holds no JSON", e);
        }
    }
}
