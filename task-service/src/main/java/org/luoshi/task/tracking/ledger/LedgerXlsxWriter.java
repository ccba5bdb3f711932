package org.luoshi.task.tracking.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a {@link LedgerSheet} as .xlsx with the streaming SXSSFWorkbook. See {@link LedgerWorkbook}. */
final class LedgerXlsxWriter {
    /** Rows kept in memory before SXSSF flushes them to its temporary file. */
    private static final int ROW_WINDOW = 200;
    private static final LedgerColumn[] COLUMNS = LedgerColumn.values();
    /** Column widths in characters (a Chinese character takes two). */
    private static final Map<LedgerColumn, Integer> WIDTHS = new EnumMap<>(Map.of(
            LedgerColumn.REFERENCE, 10,
            LedgerColumn.TASK, 60,
            LedgerColumn.LEAD_DEPARTMENT, 18,
            LedgerColumn.CO_DEPARTMENTS, 28,
            LedgerColumn.DUE_DATE, 12,
            LedgerColumn.MILESTONES, 44,
            LedgerColumn.PROGRESS, 40,
            LedgerColumn.STATUS, 16));
    private static final float LINE_HEIGHT_POINTS = 15f;
    private static final float MAX_ROW_HEIGHT_POINTS = 409f;
    /** A 序号 written as a number cell: a plain whole number without leading zeros. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[1-9]\\d{0,8}");
    private static final int MAX_LISTED_PROBLEMS = 20;

    byte[] write(LedgerSheet sheet) {
        validate(sheet);
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
        try {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            SXSSFSheet out = workbook.createSheet(LedgerWorkbook.SHEET_NAME);
            for (LedgerColumn column : COLUMNS) {
                out.setColumnWidth(column.ordinal(), WIDTHS.get(column) * 256);
            }
            writeTitle(out, sheet.title(), styles);
            writeHeader(out, styles);
            int lastRowIndex = LedgerWorkbook.HEADER_ROW - 1;
            for (LedgerRow row : sheet.rows()) {
                writeRow(out, row, styles);
                lastRowIndex = row.rowNumber() - 1;
            }
            int headerIndex = LedgerWorkbook.HEADER_ROW - 1;
            out.createFreezePane(0, LedgerWorkbook.HEADER_ROW);
            out.setAutoFilter(new CellRangeAddress(headerIndex, lastRowIndex, 0, COLUMNS.length - 1));
            out.setRepeatingRows(new CellRangeAddress(0, headerIndex, -1, -1));
            out.setFitToPage(true);
            PrintSetup print = out.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ledger workbook", e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                // nothing was opened from a file; the temporary file is already gone
            }
        }
    }

    private static void writeTitle(SXSSFSheet out, String title, Styles styles) {
        Row row = out.createRow(LedgerWorkbook.TITLE_ROW - 1);
        row.setHeightInPoints(30f);
        for (int c = 0; c < COLUMNS.length; c++) {
            row.createCell(c).setCellStyle(styles.title);
        }
        if (!title.isEmpty()) {
            row.getCell(0).setCellValue(title);
        }
        out.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, COLUMNS.length - 1));
    }

    private static void writeHeader(SXSSFSheet out, Styles styles) {
        Row row = out.createRow(LedgerWorkbook.HEADER_ROW - 1);
        row.setHeightInPoints(22f);
        for (LedgerColumn column : COLUMNS) {
            Cell cell = row.createCell(column.ordinal());
            cell.setCellStyle(styles.header);
            cell.setCellValue(column.label());
        }
    }

    private static void writeRow(SXSSFSheet out, LedgerRow ledgerRow, Styles styles) {
        Row row = out.createRow(ledgerRow.rowNumber() - 1);
        int lines = 1;
        for (LedgerColumn column : COLUMNS) {
            Cell cell = row.createCell(column.ordinal());
            if (column == LedgerColumn.DUE_DATE) {
                cell.setCellStyle(styles.date);
                if (ledgerRow.dueDate() != null) {
                    cell.setCellValue(ledgerRow.dueDate());
                }
                continue;
            }
            String text = text(ledgerRow, column);
            boolean centred = column == LedgerColumn.REFERENCE || column == LedgerColumn.STATUS;
            cell.setCellStyle(centred ? styles.centredText : styles.text);
            if (column == LedgerColumn.REFERENCE && WHOLE_NUMBER.matcher(text).matches()) {
                cell.setCellValue(Long.parseLong(text));
            } else if (!text.isEmpty()) {
                cell.setCellValue(text);
            }
            lines = Math.max(lines, lineCount(text, WIDTHS.get(column)));
        }
        row.setHeightInPoints(Math.min(MAX_ROW_HEIGHT_POINTS, lines * LINE_HEIGHT_POINTS + 4f));
    }

    /** The text a column's cell holds for a row (not 完成时限, which is a date cell). */
    static String text(LedgerRow row, LedgerColumn column) {
        return switch (column) {
            case REFERENCE -> row.reference();
            case TASK -> row.task();
            case LEAD_DEPARTMENT -> row.leadDepartment();
            case CO_DEPARTMENTS -> String.join("、", row.coDepartments());
            case DUE_DATE -> row.dueDate() == null ? "" : row.dueDate().toString();
            case MILESTONES -> MilestoneLines.formatCell(row.milestones());
            case PROGRESS -> row.progress();
            case STATUS -> row.status();
        };
    }

    /** About how many lines the text wraps to in a column this many characters wide. */
    private static int lineCount(String text, int widthChars) {
        int usable = Math.max(1, widthChars - 2);
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (LedgerText.displayWidth(line) + usable - 1) / usable);
        }
        return Math.max(1, lines);
    }

    /** Refuses, with every reason, a sheet that would not read back unchanged. */
    private static void validate(LedgerSheet sheet) {
        List<String> problems = new ArrayList<>();
        if (sheet.rows().size() > LedgerWorkbook.MAX_DATA_ROWS) {
            problems.add("more than " + LedgerWorkbook.MAX_DATA_ROWS + " rows: " + sheet.rows().size());
        }
        if (sheet.title().length() > LedgerWorkbook.MAX_CELL_CHARS) {
            problems.add("the title is longer than " + LedgerWorkbook.MAX_CELL_CHARS + " characters");
        }
        int previous = LedgerWorkbook.HEADER_ROW;
        int lastExcelRow = SpreadsheetVersion.EXCEL2007.getMaxRows();
        for (LedgerRow row : sheet.rows()) {
            String where = "row " + row.rowNumber() + " ";
            if (row.rowNumber() <= previous || row.rowNumber() > lastExcelRow) {
                problems.add(where + "is not after row " + previous + " (rows must ascend from "
                        + LedgerWorkbook.FIRST_DATA_ROW + "; see LedgerSheet.renumbered())");
            }
            previous = Math.max(previous, row.rowNumber());
            if (row.task().isEmpty()) {
                problems.add(where + "has no 任务 text");
            }
            for (LedgerColumn column : COLUMNS) {
                if (column != LedgerColumn.DUE_DATE && text(row, column).length() > LedgerWorkbook.MAX_CELL_CHARS) {
                    problems.add(where + column.label() + " is longer than " + LedgerWorkbook.MAX_CELL_CHARS
                            + " characters");
                }
            }
            if (row.dueDate() != null && !LedgerDates.inRange(row.dueDate())) {
                problems.add(where + "完成时限 " + row.dueDate() + " is outside " + LedgerDates.MIN_YEAR + "–"
                        + LedgerDates.MAX_YEAR);
            }
            for (LedgerMilestone milestone : row.milestones()) {
                String line = MilestoneLines.format(milestone);
                if (!LedgerDates.inRange(milestone.dueDate())) {
                    problems.add(where + "节点 date " + milestone.dueDate() + " is outside " + LedgerDates.MIN_YEAR
                            + "–" + LedgerDates.MAX_YEAR);
                } else if (!(MilestoneLines.parse(line) instanceof MilestoneLines.Parsed parsed
                        && parsed.milestone().equals(milestone))) {
                    problems.add(where + "节点 \"" + line + "\" would not read back as written"
                            + (milestone.title().isEmpty() ? " (it has no title)" : ""));
                }
            }
        }
        if (!problems.isEmpty()) {
            String listed = String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS)));
            throw new IllegalArgumentException("cannot write this ledger: " + listed
                    + (problems.size() > MAX_LISTED_PROBLEMS ? "; and " + (problems.size() - MAX_LISTED_PROBLEMS)
                            + " more" : ""));
        }
    }

    /** The few cell styles of a 台账 (a workbook holds at most 64,000, so they are made once). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle centredText;
        final CellStyle date;

        Styles(SXSSFWorkbook workbook) {
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            Font headerFont = workbook.createFont();
            headerFont.setBold(true);
            header = bordered(workbook);
            header.setFont(headerFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);

            text = bordered(workbook);
            centredText = bordered(workbook);
            centredText.setAlignment(HorizontalAlignment.CENTER);
            date = bordered(workbook);
            date.setAlignment(HorizontalAlignment.CENTER);
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }

        private static CellStyle bordered(SXSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }
}
