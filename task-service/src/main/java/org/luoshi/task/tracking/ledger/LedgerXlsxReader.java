package org.luoshi.task.tracking.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Reads a 台账 from .xlsx bytes. See {@link LedgerWorkbook} for what is accepted and refused. */
final class LedgerXlsxReader {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    /** Excel date serials read as dates in a 完成时限 typed as a plain number: 1927-05-18 … 2199-12-31. */
    private static final double FIRST_SERIAL = 10_000;
    private static final double LAST_SERIAL = DateUtil.getExcelDate(LocalDate.of(LedgerDates.MAX_YEAR, 12, 31)) + 1;

    static final String EMPTY = "文件是空的，不是 xlsx 工作簿";
    static final String TOO_LARGE = "文件超过" + LedgerWorkbook.MAX_FILE_BYTES / (1024 * 1024)
            + "MB的上限，请拆分后分批导入";
    static final String OLD_EXCEL = "这是旧版 Excel 97-2003（.xls）或其他 Office 二进制文件，不是 xlsx 工作簿；"
            + "请在 Excel 中另存为 .xlsx 后再导入";
    static final String ENCRYPTED = "工作簿设有打开密码（已加密），无法读取；请取消密码后再导入";
    static final String TEXT = "文件是文本（如 CSV），不是 xlsx 工作簿；请在 Excel 中打开后另存为 .xlsx 再导入";
    static final String NOT_XLSX = "文件不是 xlsx 工作簿，无法读取";
    static final String ZIP_NOT_XLSX = "文件是压缩包，但不是 xlsx 工作簿";
    static final String OTHER_OFFICE = "文件是 Word、PowerPoint 等其他 Office 文档，不是 xlsx 工作簿";
    static final String XLSB = "这是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx 后再导入";
    static final String BOMB = "文件解压后过大、内部文件过多或压缩比异常（疑似压缩炸弹），已拒绝读取";
    static final String CORRUPT = "工作簿已损坏或格式异常，无法读取";
    static final String NO_SHEET = "工作簿中没有工作表";
    static final String TOO_MANY_ROWS = "数据超过" + LedgerWorkbook.MAX_DATA_ROWS + "行的上限，请拆分后分批导入";
    static final String TOO_LONG = "内容超过" + LedgerWorkbook.MAX_CELL_CHARS + "字的上限";

    LedgerSheet read(InputStream xlsx) {
        Objects.requireNonNull(xlsx, "xlsx");
        LedgerWorkbook.hardenZipReading();
        byte[] bytes = readCapped(xlsx);
        refuseWhatIsNoWorkbook(bytes);
        Path file = null;
        try {
            file = Files.createTempFile("luoshi-ledger-", ".xlsx");
            Files.write(file, bytes);
            return readPackage(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage the uploaded workbook in a temporary file", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static byte[] readCapped(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(LedgerWorkbook.MAX_FILE_BYTES + 1);
            if (bytes.length > LedgerWorkbook.MAX_FILE_BYTES) {
                throw LedgerFormatException.ofFile(TOO_LARGE);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded workbook", e);
        }
    }

    /** Says what the bytes are when they cannot be an Office Open XML package. */
    private static void refuseWhatIsNoWorkbook(byte[] bytes) {
        if (bytes.length == 0) {
            throw LedgerFormatException.ofFile(EMPTY);
        }
        if (startsWith(bytes, OLE2)) {
            throw LedgerFormatException.ofFile(isEncryptedPackage(bytes) ? ENCRYPTED : OLD_EXCEL);
        }
        if (startsWith(bytes, EMPTY_ZIP)) {
            throw LedgerFormatException.ofFile(ZIP_NOT_XLSX);
        }
        if (!startsWith(bytes, ZIP)) {
            throw LedgerFormatException.ofFile(looksLikeText(bytes) ? TEXT : NOT_XLSX);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** An encrypted xlsx travels inside an OLE2 container with an EncryptedPackage stream. */
    private static boolean isEncryptedPackage(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** No NUL and hardly any other control byte in the first 4 KiB: text, whatever its encoding. */
    private static boolean looksLikeText(byte[] bytes) {
        int end = Math.min(bytes.length, 4096);
        int controls = 0;
        for (int i = 0; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C && b != 0x1B) {
                controls++;
            }
        }
        return controls * 100 < end;
    }

    private LedgerSheet readPackage(Path file) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            requireSpreadsheet(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            CellFormats formats = new CellFormats(styles, isDate1904(reader));
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            SheetScanner closest = null;
            while (sheets.hasNext()) {
                SheetScanner scanner = new SheetScanner(strings, formats);
                try (InputStream sheet = sheets.next()) {
                    scanner.scan(sheet);
                }
                if (scanner.headerFound()) {
                    return new RowReader(scanner, formats).sheet();
                }
                if (closest == null || scanner.candidateColumns().size() > closest.candidateColumns().size()) {
                    closest = scanner;
                }
            }
            if (closest == null) {
                throw LedgerFormatException.ofFile(NO_SHEET);
            }
            throw missingHeader(closest);
        } catch (LedgerFormatException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | RuntimeException e) {
            throw LedgerFormatException.ofFile(explain(e));
        }
    }

    /** The package's main part must be a workbook, not a document, a presentation or a binary workbook. */
    private static void requireSpreadsheet(OPCPackage pkg) {
        PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.isEmpty()) {
            main = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        PackagePart part = main.isEmpty() ? null : pkg.getPart(main.getRelationship(0));
        String type = part == null ? "" : part.getContentType();
        if (type.contains("spreadsheetml")) {
            return;
        }
        if (type.contains("ms-excel.sheet.binary")) {
            throw LedgerFormatException.ofFile(XLSB);
        }
        throw LedgerFormatException.ofFile(
                type.contains("wordprocessingml") || type.contains("presentationml") ? OTHER_OFFICE : ZIP_NOT_XLSX);
    }

    /** Whether the workbook counts its dates from 1904 (old Mac Excel) rather than 1900. */
    private static boolean isDate1904(XSSFReader reader)
            throws IOException, InvalidFormatException, SAXException, ParserConfigurationException {
        boolean[] date1904 = {false};
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("workbookPr".equals(localName) || qName.endsWith("workbookPr")) {
                    String value = attributes.getValue("date1904");
                    date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                }
            }
        });
        try (InputStream workbook = reader.getWorkbookData()) {
            xml.parse(new InputSource(workbook));
        }
        return date1904[0];
    }

    private static LedgerFormatException missingHeader(SheetScanner closest) {
        String required = Stream.of(LedgerColumn.values()).filter(LedgerColumn::required).map(LedgerColumn::label)
                .collect(Collectors.joining("、"));
        if (closest.candidateColumns().isEmpty()) {
            return LedgerFormatException.ofFile("未找到表头：前" + LedgerWorkbook.HEADER_SEARCH_ROWS + "行中没有包含"
                    + required + "等列名的行");
        }
        List<LedgerError> errors = new ArrayList<>();
        for (LedgerColumn column : LedgerColumn.values()) {
            if (column.required() && !closest.candidateColumns().contains(column)) {
                errors.add(new LedgerError(closest.candidateRow(), column.label(), "缺少必需的列：" + column.label()));
            }
        }
        return new LedgerFormatException(errors);
    }

    /** The message for a failure while opening or parsing the package. */
    private static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("potentially malicious")) {
                return BOMB;
            }
        }
        if (failure instanceof NotOfficeXmlFileException || failure instanceof InvalidFormatException) {
            return ZIP_NOT_XLSX;
        }
        return CORRUPT;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /** Turns the scanned cells into {@link LedgerRow}s, collecting every problem. */
    private static final class RowReader {
        private final SheetScanner scan;
        private final CellFormats formats;
        private final List<LedgerError> errors = new ArrayList<>();
        private boolean tooManyErrors;

        RowReader(SheetScanner scan, CellFormats formats) {
            this.scan = scan;
            this.formats = formats;
        }

        LedgerSheet sheet() {
            if (!scan.duplicateColumns().isEmpty()) {
                for (LedgerColumn column : scan.duplicateColumns()) {
                    add(scan.headerRow(), column, "表头中「" + column.label() + "」列出现了不止一次");
                }
                throw new LedgerFormatException(errors);
            }
            if (scan.overflowRow() > 0) {
                throw new LedgerFormatException(List.of(new LedgerError(scan.overflowRow(), null, TOO_MANY_ROWS)));
            }
            String title = "";
            if (scan.title() != null) {
                if (scan.title().overLimit()) {
                    errors.add(new LedgerError(scan.titleRow(), null, "标题" + TOO_LONG));
                } else {
                    title = scan.title().text();
                }
            }
            fillMergedCells();
            List<LedgerRow> rows = new ArrayList<>();
            for (Map.Entry<Integer, RawCell[]> entry : scan.rows().entrySet()) {
                if (tooManyErrors) {
                    break;
                }
                row(entry.getKey(), entry.getValue()).ifPresent(rows::add);
            }
            if (!errors.isEmpty()) {
                if (tooManyErrors) {
                    errors.add(LedgerError.ofFile("问题过多，只列出了前" + LedgerWorkbook.MAX_REPORTED_ERRORS + "处"));
                }
                throw new LedgerFormatException(errors);
            }
            return new LedgerSheet(title, rows);
        }

        /**
         * A cell inside a vertically merged region below the header takes the value of the region's first cell, when
         * its row has values of its own (a merge never makes a row out of nothing).
         */
        private void fillMergedCells() {
            Map<Integer, LedgerColumn> columns = scan.columns();
            for (CellRangeAddress region : scan.merges()) {
                LedgerColumn column = columns.get(region.getFirstColumn());
                int first = region.getFirstRow() + 1;
                int last = region.getLastRow() + 1;
                RawCell[] top = scan.rows().get(first);
                if (column == null || first <= scan.headerRow() || last <= first || top == null
                        || top[column.ordinal()] == null) {
                    continue;
                }
                for (RawCell[] cells : scan.rows().subMap(first, false, last, true).values()) {
                    if (cells[column.ordinal()] == null) {
                        cells[column.ordinal()] = top[column.ordinal()];
                    }
                }
            }
        }

        private Optional<LedgerRow> row(int rowNumber, RawCell[] cells) {
            int before = errors.size();
            String reference = text(rowNumber, cells, LedgerColumn.REFERENCE);
            String task = text(rowNumber, cells, LedgerColumn.TASK);
            if (task != null && task.isEmpty()) {
                add(rowNumber, LedgerColumn.TASK, "缺少任务内容");
            }
            String lead = text(rowNumber, cells, LedgerColumn.LEAD_DEPARTMENT);
            String co = text(rowNumber, cells, LedgerColumn.CO_DEPARTMENTS);
            LocalDate due = dueDate(rowNumber, cells[LedgerColumn.DUE_DATE.ordinal()]);
            List<LedgerMilestone> milestones = milestones(rowNumber, cells);
            String progress = text(rowNumber, cells, LedgerColumn.PROGRESS);
            String status = text(rowNumber, cells, LedgerColumn.STATUS);
            if (errors.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new LedgerRow(rowNumber, reference, task, lead, LedgerText.departments(co), due,
                    milestones, progress, status));
        }

        /** The cell as text ("" when empty), or null after adding an error. */
        private String text(int rowNumber, RawCell[] cells, LedgerColumn column) {
            RawCell cell = cells[column.ordinal()];
            if (cell == null) {
                return "";
            }
            if (!usable(rowNumber, column, cell)) {
                return null;
            }
            return LedgerText.clean(cell.text());
        }

        private boolean usable(int rowNumber, LedgerColumn column, RawCell cell) {
            if (cell.overLimit()) {
                add(rowNumber, column, TOO_LONG);
                return false;
            }
            if (cell.kind() == RawCell.Kind.ERROR) {
                add(rowNumber, column, "单元格是错误值：" + LedgerText.quote(cell.text()));
                return false;
            }
            return true;
        }

        private LocalDate dueDate(int rowNumber, RawCell cell) {
            LedgerColumn column = LedgerColumn.DUE_DATE;
            if (cell == null || !usable(rowNumber, column, cell)) {
                return null;
            }
            if (cell.date() != null) {
                if (LedgerDates.inRange(cell.date())) {
                    return cell.date();
                }
                add(rowNumber, column, "无法识别的日期：" + LedgerText.quote(cell.text()));
                return null;
            }
            if (cell.kind() == RawCell.Kind.NUMBER) {
                LocalDate date = dateFromNumber(cell.number());
                if (date == null) {
                    add(rowNumber, column, "无法识别的日期：" + LedgerText.quote(cell.text()));
                }
                return date;
            }
            String text = LedgerText.clean(cell.text());
            if (text.isEmpty() || LedgerDates.isOpenEnded(text)) {
                return null;
            }
            Optional<LedgerDates.Found> found = LedgerDates.whole(text);
            if (found.isPresent() && found.get().valid()) {
                return found.get().date();
            }
            add(rowNumber, column, "无法识别的日期：" + LedgerText.quote(text));
            return null;
        }

        /** A number typed into 完成时限 without a date format: a year, an eight-digit date, or a date serial. */
        private LocalDate dateFromNumber(double number) {
            if (number == Math.rint(number) && number >= LedgerDates.MIN_YEAR && number <= LedgerDates.MAX_YEAR) {
                return LocalDate.of((int) number, 12, 31);
            }
            if (number == Math.rint(number) && number >= 1e7 && number < 1e8) {
                return LedgerDates.whole(CellFormats.plain(number)).filter(LedgerDates.Found::valid)
                        .map(LedgerDates.Found::date).orElse(null);
            }
            if (number >= FIRST_SERIAL && number < LAST_SERIAL) {
                return formats.excelDate(number);
            }
            return null;
        }

        private List<LedgerMilestone> milestones(int rowNumber, RawCell[] cells) {
            String text = text(rowNumber, cells, LedgerColumn.MILESTONES);
            if (text == null || text.isEmpty()) {
                return List.of();
            }
            List<LedgerMilestone> milestones = new ArrayList<>();
            for (String line : MilestoneLines.lines(text)) {
                MilestoneLines.Result result = MilestoneLines.parse(line);
                if (result instanceof MilestoneLines.Parsed parsed) {
                    milestones.add(parsed.milestone());
                } else if (result instanceof MilestoneLines.Problem problem) {
                    add(rowNumber, LedgerColumn.MILESTONES, problem.message());
                }
            }
            return milestones;
        }

        private void add(int rowNumber, LedgerColumn column, String message) {
            if (errors.size() >= LedgerWorkbook.MAX_REPORTED_ERRORS) {
                tooManyErrors = true;
                return;
            }
            errors.add(new LedgerError(rowNumber, column.label(), message));
        }
    }
}
