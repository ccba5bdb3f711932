package org.luoshi.task.tracking.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ContentTooLargeException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.tracking.api.EvidenceDownload;
import org.luoshi.task.tracking.api.EvidenceView;
import org.luoshi.task.tracking.domain.AccessPolicy;
import org.luoshi.task.tracking.domain.EvidenceFile;
import org.luoshi.task.tracking.domain.EvidencePolicy;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.persistence.EvidenceFileRepository;
import org.luoshi.task.tracking.persistence.MilestoneRepository;

import io.quarkus.security.ForbiddenException;

/** 佐证材料: evidence files of a milestone, uploaded by the departments doing the work, read by whoever sees the task. */
@ApplicationScoped
public class EvidenceService {
    private static final Logger LOG = Logger.getLogger(EvidenceService.class);

    /** The upload is larger than {@link EvidencePolicy#MAX_BYTES}. */
    /** The upload is not of an allowed type (by its name's extension and its content). */
    public static class UnsupportedTypeException extends RuntimeException {
        public UnsupportedTypeException(String message) {
            super(message);
        }
    }

    @Inject
    EvidenceFileRepository evidence;

    @Inject
    MilestoneRepository milestones;

    @Inject
    MilestoneService milestoneService;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Transactional
    public EvidenceView upload(long milestoneId, String fileName, Path file) {
        Caller caller = callers.current();
        Milestone milestone = milestoneService.visibleMilestone(milestoneId, caller);
        if (!AccessPolicy.canAddEvidence(caller, milestone.task)) {
            throw new ForbiddenException();
        }
        if (file == null) {
            throw new InvalidFieldException("file", "send the file as the multipart part 'file'");
        }
        String name = cleanName(fileName);
        long size = sizeOf(file);
        if (EvidencePolicy.tooLarge(size)) {
            throw new ContentTooLargeException("file", name + " has " + size + " bytes; evidence files may have at most "
                    + EvidencePolicy.MAX_BYTES + " bytes (20 MB)");
        }
        byte[] content = read(file);
        if (content.length == 0) {
            throw new InvalidFieldException("file", "the file is empty");
        }
        String contentType = EvidencePolicy.contentType(name, content).orElseThrow(() -> new UnsupportedTypeException(
                "file: " + name + " is not an allowed evidence file (" + EvidencePolicy.ALLOWED
                        + "), or its content does not match its extension"));
        EvidenceFile f = new EvidenceFile();
        f.milestoneId = milestone.id;
        f.fileName = name;
        f.contentType = contentType;
        f.size = content.length;
        f.sha256 = sha256(content);
        f.content = content;
        f.uploadedBy = caller.username();
        f.uploadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        evidence.persistAndFlush(f);
        EvidenceView view = EvidenceView.of(f);
        audit.record("evidence.uploaded", "evidence", f.id, null, view);
        LOG.infof("%s uploaded evidence %d '%s' (%d bytes) to milestone %d", caller.username(), f.id, name, f.size, milestoneId);
        return view;
    }

    @Transactional
    public List<EvidenceView> list(long milestoneId) {
        Milestone milestone = milestoneService.visibleMilestone(milestoneId, callers.current());
        return evidence.list("milestoneId = ?1 order by uploadedAt, id", milestone.id).stream().map(EvidenceView::of).toList();
    }

    @Transactional
    public EvidenceDownload download(long id) {
        Caller caller = callers.current();
        EvidenceFile f = evidence.findByIdOptional(id)
                .filter(e -> milestones.findByIdOptional(e.milestoneId).filter(m -> AccessPolicy.canSee(caller, m.task)).isPresent())
                .orElseThrow(() -> new ResourceNotFoundException("evidence", id));
        return new EvidenceDownload(f.fileName, f.contentType, f.content);
    }

    /** The evidence of a milestone with these ids, for checking a report's references. */
    List<EvidenceFile> ofMilestone(long milestoneId) {
        return evidence.list("milestoneId", milestoneId);
    }

    /** The name without any path a browser may have sent, at most 255 characters. */
    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}\"]", "_");
        if (name.isEmpty()) {
            throw new InvalidFieldException("file", "the file has no name");
        }
        if (name.length() > 255) {
            throw new InvalidFieldException("file", "the file name is longer than 255 characters");
        }
        return name;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
