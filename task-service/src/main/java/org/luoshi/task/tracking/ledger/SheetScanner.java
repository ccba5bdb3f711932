package org.luoshi.task.tracking.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one worksheet part as a stream of SAX events: finds the header within the first rows, remembers the title
 * above it, and keeps only the cells of the recognised columns of the rows below it, so that memory grows with those
 * cells alone. Stops early when there is no header, or when the rows pass {@link LedgerWorkbook#MAX_DATA_ROWS}.
 */
final class SheetScanner extends DefaultHandler {
    /** Text kept per cell while parsing: an escaped character (_x000D_) takes 7, so this still shows "too long". */
    private static final int RAW_TEXT_CAP = 7 * (LedgerWorkbook.MAX_CELL_CHARS + 1);
    /** Cells looked at in a row above the header; the 台账 columns are at the left. */
    private static final int MAX_HEADER_COLUMNS = 256;
    private static final int MAX_MERGED_REGIONS = 100_000;
    private static final int COLUMN_COUNT = LedgerColumn.values().length;

    /** Thrown to stop parsing once the sheet has told all it can. */
    private static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("stop", null);
        }
    }

    private final SharedStrings strings;
    private final CellFormats formats;

    private Map<Integer, LedgerColumn> columnsByIndex;
    private int headerRow;
    private final List<LedgerColumn> duplicateColumns = new ArrayList<>();
    private RawCell title;
    private int titleRow;
    private int candidateRow;
    private Set<LedgerColumn> candidateColumns = EnumSet.noneOf(LedgerColumn.class);
    private final TreeMap<Integer, RawCell[]> rows = new TreeMap<>();
    private final List<CellRangeAddress> merges = new ArrayList<>();
    private int overflowRow;

    private int rowNumber;
    private int column;
    private TreeMap<Integer, RawCell> headerCells;
    private RawCell[] dataCells;
    private boolean collecting;
    private String cellType;
    private int cellStyle;
    private boolean inValue;
    private boolean inInlineString;
    private boolean inText;
    private boolean inPhonetic;
    private final StringBuilder raw = new StringBuilder();
    private boolean rawTruncated;

    SheetScanner(SharedStrings strings, CellFormats formats) {
        this.strings = strings;
        this.formats = formats;
    }

    /** Parses the worksheet XML with POI's hardened reader: no DOCTYPE, so no external or expanding entities. */
    void scan(InputStream sheetXml) throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(this);
        try {
            xml.parse(new InputSource(sheetXml));
        } catch (SAXException e) {
            if (!(e instanceof Stop) && !(e.getException() instanceof Stop)) {
                throw e;
            }
        }
    }

    boolean headerFound() {
        return columnsByIndex != null;
    }

    /** The 1-based row of the header, once found. */
    int headerRow() {
        return headerRow;
    }

    /** The recognised columns by 0-based column index, once the header is found. */
    Map<Integer, LedgerColumn> columns() {
        return columnsByIndex;
    }

    /** Columns named twice in the header row. */
    List<LedgerColumn> duplicateColumns() {
        return duplicateColumns;
    }

    /** The first non-blank cell above the header, or null. */
    RawCell title() {
        return title;
    }

    int titleRow() {
        return titleRow;
    }

    /** The row among the first ones that named the most columns without naming all required ones; 0 if none. */
    int candidateRow() {
        return candidateRow;
    }

    Set<LedgerColumn> candidateColumns() {
        return candidateColumns;
    }

    /** The non-empty rows below the header by row number, cells indexed by {@link LedgerColumn#ordinal()}. */
    TreeMap<Integer, RawCell[]> rows() {
        return rows;
    }

    List<CellRangeAddress> merges() {
        return merges;
    }

    /** The row at which the data rows passed {@link LedgerWorkbook#MAX_DATA_ROWS}, or 0. */
    int overflowRow() {
        return overflowRow;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        switch (name(localName, qName)) {
            case "row" -> startRow(attributes);
            case "c" -> startCell(attributes);
            case "v" -> inValue = collecting;
            case "is" -> inInlineString = collecting;
            case "rPh" -> inPhonetic = true;
            case "t" -> inText = inInlineString && !inPhonetic;
            case "mergeCell" -> addMerge(attributes.getValue("ref"));
            default -> {
                // other elements carry nothing the 台账 needs
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue || inText) {
            int room = RAW_TEXT_CAP - raw.length();
            if (length > room) {
                rawTruncated = true;
            }
            raw.append(ch, start, Math.max(0, Math.min(length, room)));
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (name(localName, qName)) {
            case "v" -> inValue = false;
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            case "is" -> inInlineString = false;
            case "c" -> endCell();
            case "row" -> endRow();
            case "sheetData" -> {
                if (!headerFound()) {
                    throw new Stop();
                }
            }
            default -> {
                // nothing to finish
            }
        }
    }

    private static String name(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    private void startRow(Attributes attributes) throws SAXException {
        String r = attributes.getValue("r");
        rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r.trim());
        if (rowNumber < 1 || rowNumber > SpreadsheetVersion.EXCEL2007.getMaxRows()) {
            throw new SAXException("row number out of range: " + rowNumber);
        }
        column = -1;
        if (!headerFound()) {
            if (rowNumber > LedgerWorkbook.HEADER_SEARCH_ROWS) {
                throw new Stop();
            }
            headerCells = new TreeMap<>();
        } else {
            dataCells = new RawCell[COLUMN_COUNT];
        }
    }

    private void startCell(Attributes attributes) {
        String ref = attributes.getValue("r");
        column = ref == null ? column + 1 : columnIndex(ref);
        cellType = attributes.getValue("t");
        String style = attributes.getValue("s");
        cellStyle = style == null ? 0 : Integer.parseInt(style.trim());
        if (!headerFound()) {
            collecting = headerCells != null && column >= 0 && column < MAX_HEADER_COLUMNS;
        } else {
            collecting = dataCells != null && rowNumber > headerRow && columnsByIndex.containsKey(column);
        }
        raw.setLength(0);
        rawTruncated = false;
    }

    /** "B3" → 1; -1 for a reference that is not one. */
    private static int columnIndex(String ref) {
        int index = 0;
        int letters = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++, letters++) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z' || letters >= 3) {
                return -1;
            }
            index = index * 26 + (c - 'A' + 1);
        }
        return letters == 0 ? -1 : index - 1;
    }

    private void endCell() {
        if (!collecting) {
            return;
        }
        collecting = false;
        inValue = false;
        inText = false;
        RawCell cell = cellValue();
        if (cell == null || cell.isBlank()) {
            return;
        }
        if (!headerFound()) {
            headerCells.put(column, cell);
        } else {
            dataCells[columnsByIndex.get(column).ordinal()] = cell;
        }
    }

    /** The cell's value by its type (the {@code t} attribute); null when it has none. */
    private RawCell cellValue() {
        String value = raw.toString();
        String type = cellType == null ? "n" : cellType;
        switch (type) {
            case "s": {
                if (value.isBlank()) {
                    return null;
                }
                String text = strings.getItemAt(Integer.parseInt(value.trim())).getString();
                return text == null ? null : RawCell.text(text, false);
            }
            case "inlineStr":
                return RawCell.text(new XSSFRichTextString(value).getString(), rawTruncated);
            case "str":
                return RawCell.text(value, rawTruncated);
            case "b":
                return value.isBlank() ? null : RawCell.bool("1".equals(value.trim()) || "true".equals(value.trim()));
            case "e":
                return value.isBlank() ? null : RawCell.error(value.trim());
            case "d":
                return isoDate(value.trim());
            default:
                return value.isBlank() ? null : formats.number(Double.parseDouble(value.trim()), cellStyle);
        }
    }

    /** A cell of type d (ISO 8601, as strict OOXML writes dates). */
    private static RawCell isoDate(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value);
            return RawCell.number(0, date.toString(), date);
        } catch (DateTimeParseException e) {
            return RawCell.text(value, false);
        }
    }

    private void endRow() throws Stop {
        if (!headerFound()) {
            if (headerCells != null) {
                lookForHeader();
            }
            headerCells = null;
            return;
        }
        RawCell[] cells = dataCells;
        dataCells = null;
        if (cells == null || rowNumber <= headerRow) {
            return;
        }
        for (RawCell cell : cells) {
            if (cell != null) {
                rows.put(rowNumber, cells);
                if (rows.size() > LedgerWorkbook.MAX_DATA_ROWS) {
                    overflowRow = rowNumber;
                    throw new Stop();
                }
                return;
            }
        }
    }

    /** Is the row just read the header? If not, is it the title, or the closest thing to a header so far? */
    private void lookForHeader() {
        Map<LedgerColumn, Integer> named = new EnumMap<>(LedgerColumn.class);
        List<LedgerColumn> twice = new ArrayList<>();
        for (Map.Entry<Integer, RawCell> entry : headerCells.entrySet()) {
            RawCell cell = entry.getValue();
            LedgerColumn column = cell.kind() == RawCell.Kind.TEXT ? LedgerColumn.forHeader(cell.text()) : null;
            if (column != null && named.putIfAbsent(column, entry.getKey()) != null) {
                twice.add(column);
            }
        }
        boolean complete = true;
        for (LedgerColumn column : LedgerColumn.values()) {
            complete &= !column.required() || named.containsKey(column);
        }
        if (complete) {
            columnsByIndex = new HashMap<>();
            named.forEach((column, index) -> columnsByIndex.put(index, column));
            headerRow = rowNumber;
            duplicateColumns.addAll(twice);
            return;
        }
        if (named.size() > candidateColumns.size()) {
            candidateRow = rowNumber;
            candidateColumns = EnumSet.copyOf(named.keySet());
        }
        if (title == null && named.size() < 2 && !headerCells.isEmpty()) {
            title = headerCells.firstEntry().getValue();
            titleRow = rowNumber;
        }
    }

    private void addMerge(String ref) {
        if (ref == null || merges.size() >= MAX_MERGED_REGIONS) {
            return;
        }
        try {
            merges.add(CellRangeAddress.valueOf(ref.trim()));
        } catch (RuntimeException e) {
            // a malformed reference merges nothing
        }
    }
}
