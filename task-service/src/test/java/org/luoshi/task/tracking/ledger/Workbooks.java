package org.luoshi.task.tracking.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds workbooks the way a person or another program would, and reads them through the codec. */
final class Workbooks {
    static final LedgerWorkbook CODEC = new LedgerWorkbook();

    private Workbooks() {
    }

    /** An .xlsx made with POI's ordinary API; formulas are evaluated so that their cached values are saved, as Excel does. */
    static byte[] xlsx(Consumer<XSSFWorkbook> build) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            build.accept(workbook);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sheet whose rows are given as values: String, Number, or null for no cell. Row 1 first. */
    static byte[] xlsxWithRows(Object[]... rows) {
        return xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < rows.length; r++) {
                fill(sheet.createRow(r), rows[r]);
            }
        });
    }

    static void fill(Row row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    static CellStyle dateStyle(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    static LedgerSheet read(byte[] bytes) {
        return CODEC.read(new ByteArrayInputStream(bytes));
    }

    /** Reads bytes that must be refused; returns the errors. */
    static List<LedgerError> refused(byte[] bytes) {
        LedgerFormatException thrown = catchThrowableOfType(LedgerFormatException.class, () -> read(bytes));
        assertThat(thrown).as("the workbook is refused").isNotNull();
        assertThat(thrown.errors()).isNotEmpty();
        assertThat(thrown.getMessage()).contains(thrown.errors().get(0).message());
        return thrown.errors();
    }

    /** Reads bytes that must be refused as a whole file; returns the one message. */
    static String refusedAsFile(byte[] bytes) {
        List<LedgerError> errors = refused(bytes);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).rowNumber()).isZero();
        assertThat(errors.get(0).column()).isNull();
        return errors.get(0).message();
    }

    /** The entries of a zip, in order (through a file: SXSSF's streamed entries defeat ZipInputStream). */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            Path file = Files.createTempFile("ledger-test-", ".zip");
            try {
                Files.write(file, zip);
                try (ZipFile in = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : Collections.list(in.entries())) {
                        try (InputStream data = in.getInputStream(entry)) {
                            entries.put(entry.getName(), data.readAllBytes());
                        }
                    }
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(9);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
