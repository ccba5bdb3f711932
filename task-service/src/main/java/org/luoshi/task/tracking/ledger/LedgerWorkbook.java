package org.luoshi.task.tracking.ledger;

import java.io.InputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The 台账 as an Excel workbook (.xlsx), both ways: a pure codec between workbook bytes and {@link LedgerSheet}s, with
 * all the format validation. Stateless and thread-safe; touches no database.
 *
 * <h2>Export ({@link #write})</h2>
 * One sheet named {@value #SHEET_NAME}: the title in row {@value #TITLE_ROW}, merged across the eight columns (bold,
 * 16 pt); the header in row {@value #HEADER_ROW} with the {@link LedgerColumn} labels (bold, grey fill, borders), panes
 * frozen below it and an auto-filter on it; then each {@link LedgerRow} at its own {@link LedgerRow#rowNumber()}. Text
 * wraps, rows are made tall enough for their lines, 任务 is the widest column, 完成时限 is a real date cell formatted
 * yyyy-mm-dd, 节点 is one line per milestone ({@code 2023-06-30 完成试验线建设}, {@code ✓ 2023-06-30 …} when done), a
 * 序号 that is a plain whole number is a number cell. The page prints landscape on A4, one page wide, the header
 * repeated on each page. Always written with the streaming SXSSFWorkbook (a window of 200 rows in memory, the rest
 * in a compressed temporary file deleted before returning), so memory stays flat however many rows there are.
 * {@code read(write(sheet))} equals {@code sheet}, row numbers included: the records keep their values in the form
 * the cells give back (see {@link LedgerRow} and {@link LedgerMilestone}), and a sheet that still could not come back
 * unchanged is refused with an IllegalArgumentException (see {@link #write}).
 *
 * <h2>Import ({@link #read})</h2>
 * <ul>
 * <li><b>Sheet and header.</b> The first sheet, in workbook order, that has a header row within its first
 * {@value #HEADER_SEARCH_ROWS} rows. A header row holds the labels of all required columns (序号, 任务, 牵头单位, 配合单位,
 * 完成时限, 节点; 进展 and 状态 are optional), in any order, with white space, a trailing note such as （单位） or a
 * {@code *} around them, or a common synonym ({@link LedgerColumn}); other columns are ignored. A missing required
 * column is an error naming it, at the row that came closest to a header; a column given twice is an error too.</li>
 * <li><b>Title.</b> The first text above the header row, "" when there is none.</li>
 * <li><b>Rows.</b> Every later row with a value in any of the recognised columns becomes a {@link LedgerRow} with its
 * real Excel row number; empty rows are skipped. A cell covered by a vertically merged region takes the region's
 * value. Cells may be text, numbers (序号 typed as 1 reads "1"; other formats as Excel shows them), real date cells,
 * booleans or formulas, whose cached value is used (a formula never evaluated reads as empty).</li>
 * <li><b>Dates</b> (完成时限 and each 节点 line): a real date cell; a whole number that is a year (2023 → 2023-12-31), an
 * eight-digit date (20230630) or a date serial; or date text, read leniently: 2023-06-30, 2023/6/30, 2023.6.30,
 * 2023年6月30日, 2023年6月 (the last day of the month), 2023年底/年末 (31 December), 2023年上半年 (30 June), quarters and
 * more — see {@link LedgerDates}. A 完成时限 of 长期, 持续推进 or 常态化 means no deadline (null).</li>
 * <li><b>节点</b>: one milestone per line, blank lines skipped; the date leads the line, followed by white space or
 * punctuation (or, leniently, ends it: "完成试验线建设（2023年6月底前）"); a leading ✓ √ ✔ ☑ [x] or a trailing （已完成）
 * or ✓ marks it done; list numbering such as "1." or "①" before the date is dropped.</li>
 * <li><b>Errors.</b> All row problems are collected, then thrown together as one {@link LedgerFormatException}, ordered by
 * row then column, at most {@value #MAX_REPORTED_ERRORS} of them: no 任务 text, a date that cannot be read
 * ("无法识别的日期：2023-13-01"), a 节点 line without a date or without a title, a cell holding an Excel error value
 * (#N/A …), a cell longer than {@value #MAX_CELL_CHARS} characters. Row limits and file problems stop the reading at
 * once with a single error.</li>
 * </ul>
 *
 * <h2>Hostile files</h2>
 * Input is capped at {@value #MAX_FILE_BYTES} bytes and at {@value #MAX_DATA_ROWS} data rows. Anything that is not an
 * Office Open XML workbook (empty, random bytes, .xls, an encrypted workbook, CSV or other text, a zip that holds no
 * workbook, .xlsb) is refused with one error at row 0 saying what it is. POI's zip-bomb protection ({@link ZipSecureFile})
 * stays on and is tightened, never loosened, JVM-wide (it is a global setting): each entry must inflate by at most
 * 1/{@value #MIN_INFLATE_RATIO} and to at most {@value #MAX_UNCOMPRESSED_ENTRY_BYTES} bytes, and the archive may hold
 * at most {@value #MAX_ZIP_ENTRIES} entries. The sheet is read as a stream of SAX events with POI's hardened XML
 * reader (no DOCTYPE, so no external or recursive entities), so memory grows with the recognised cells only; the
 * package is opened read-only from a temporary file that is deleted afterwards.
 */
public final class LedgerWorkbook {
    /** The name of the sheet {@link #write} creates. */
    public static final String SHEET_NAME = "任务台账";
    /** The 1-based Excel row of the title on export. */
    public static final int TITLE_ROW = 1;
    /** The 1-based Excel row of the header on export. */
    public static final int HEADER_ROW = 2;
    /** The first 1-based Excel row a {@link LedgerRow} may be written to. */
    public static final int FIRST_DATA_ROW = 3;
    /** On import the header row must lie within this many rows from the top of the sheet. */
    public static final int HEADER_SEARCH_ROWS = 10;

    /** The largest workbook {@link #read} accepts, in bytes (20 MiB). */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    /** The most data rows (non-empty rows below the header) a 台账 may have, on import and on export. */
    public static final int MAX_DATA_ROWS = 10_000;
    /** The longest text one cell may hold, in characters (UTF-16 code units), on import and on export. */
    public static final int MAX_CELL_CHARS = 5_000;
    /** The most errors one {@link LedgerFormatException} lists; a last row-0 error then says there were more. */
    public static final int MAX_REPORTED_ERRORS = 1_000;
    /** Zip-bomb guard: an entry inflating past 1/this ratio of its compressed size is refused. POI's default. */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** Zip-bomb guard: the largest uncompressed size of one entry of the package, in bytes (100 MiB). */
    public static final long MAX_UNCOMPRESSED_ENTRY_BYTES = 100L * 1024 * 1024;
    /** Zip-bomb guard: the most entries the package may have. POI's default. */
    public static final long MAX_ZIP_ENTRIES = 1_000;

    /**
     * Lays out a 台账 as .xlsx bytes.
     *
     * @throws IllegalArgumentException listing every reason when the sheet could not be read back unchanged: more than
     *                                  {@value #MAX_DATA_ROWS} rows; row numbers not ascending or below
     *                                  {@value #FIRST_DATA_ROW}; a row without 任务 text; a cell text longer than
     *                                  {@value #MAX_CELL_CHARS} characters (节点 and 配合单位 counted as written, one
     *                                  line per milestone, names joined by 、); a date outside the years 1900–2199; a
     *                                  milestone without a title
     */
    public byte[] write(LedgerSheet sheet) {
        return new LedgerXlsxWriter().write(sheet);
    }

    /**
     * Reads a 台账 from .xlsx bytes. The stream is read to its end (or just past {@value #MAX_FILE_BYTES} bytes) but not
     * closed.
     *
     * @throws LedgerFormatException      with every problem found, when the file is not a readable 台账
     * @throws java.io.UncheckedIOException when the stream itself fails, or no temporary file can be written
     */
    public LedgerSheet read(InputStream xlsx) {
        return new LedgerXlsxReader().read(xlsx);
    }

    /**
     * Tightens POI's global zip-bomb limits to at least the ones above; never loosens a stricter setting. Called before
     * every read, so a later change elsewhere in the JVM cannot weaken it for this codec.
     */
    static synchronized void hardenZipReading() {
        if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_UNCOMPRESSED_ENTRY_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_UNCOMPRESSED_ENTRY_BYTES);
        }
        if (ZipSecureFile.getMaxFileCount() > MAX_ZIP_ENTRIES) {
            ZipSecureFile.setMaxFileCount(MAX_ZIP_ENTRIES);
        }
    }
}
