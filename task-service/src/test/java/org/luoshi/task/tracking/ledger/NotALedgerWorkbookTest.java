package org.luoshi.task.tracking.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.luoshi.task.tracking.ledger.Workbooks.CODEC;
import static org.luoshi.task.tracking.ledger.Workbooks.refusedAsFile;
import static org.luoshi.task.tracking.ledger.Workbooks.unzip;
import static org.luoshi.task.tracking.ledger.Workbooks.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not an xlsx, or that are built to hurt the server, are refused whole with one error at row 0. */
class NotALedgerWorkbookTest {
    private static final String SHEET = "xl/worksheets/sheet1.xml";

    private static byte[] aLedger() {
        return CODEC.write(new LedgerSheet("台账", List.of(new LedgerRow(3, "1", "任务", "市科委", List.of("市财政局"),
                LocalDate.of(2023, 12, 31), List.of(), "", ""))));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(refusedAsFile(new byte[0])).contains("空", "xlsx");
    }

    @Test
    void randomBytesAreRefused() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0;

        assertThat(refusedAsFile(noise)).isEqualTo(LedgerXlsxReader.NOT_XLSX);
    }

    @Test
    void anOldXlsWorkbookIsRefusedWithAHintToSaveAsXlsx() throws IOException {
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("台账").createRow(0).createCell(0).setCellValue("序号");
            workbook.write(xls);
        }

        assertThat(refusedAsFile(xls.toByteArray())).contains(".xls", "另存为 .xlsx");
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedAsEncrypted() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("密码");
        try (OutputStream out = encryptor.getDataStream(fs)) {
            out.write(aLedger());
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        fs.close();

        assertThat(refusedAsFile(encrypted.toByteArray())).contains("密码");
    }

    @Test
    void aCsvFileIsRefusedAsText() {
        byte[] csv = "序号,任务,牵头单位,配合单位,完成时限,节点\n1,建设试验线,市科委,,2023-12-31,\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(refusedAsFile(csv)).contains("CSV");
    }

    @Test
    void aZipThatHoldsNoWorkbookIsRefused() {
        byte[] plainZip = zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        byte[] emptyZip = zip(Map.of());

        assertThat(refusedAsFile(plainZip)).isEqualTo(LedgerXlsxReader.ZIP_NOT_XLSX);
        assertThat(refusedAsFile(emptyZip)).isEqualTo(LedgerXlsxReader.ZIP_NOT_XLSX);
    }

    @Test
    void aWordDocumentIsRefused() throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("序号 任务 牵头单位");
            document.write(docx);
        }

        assertThat(refusedAsFile(docx.toByteArray())).isEqualTo(LedgerXlsxReader.OTHER_OFFICE);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() {
        byte[] huge = new byte[LedgerWorkbook.MAX_FILE_BYTES + 1];
        System.arraycopy(aLedger(), 0, huge, 0, 4);

        assertThat(refusedAsFile(huge)).contains("20MB");
    }

    @Test
    void aZipBombIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>(unzip(aLedger()));
        String sheet = utf8(entries.get(SHEET));
        String padded = sheet.replace("<sheetData>", "<sheetData>" + " ".repeat(60 * 1024 * 1024));
        entries.put(SHEET, padded.getBytes(StandardCharsets.UTF_8));

        byte[] bomb = zip(entries);

        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(refusedAsFile(bomb)).isEqualTo(LedgerXlsxReader.BOMB);
    }

    @Test
    void aPackageWithThousandsOfPartsIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>(unzip(aLedger()));
        for (int i = 0; i < LedgerWorkbook.MAX_ZIP_ENTRIES + 1; i++) {
            entries.put("xl/media/part" + i + ".bin", new byte[] {(byte) i});
        }

        assertThat(refusedAsFile(zip(entries))).isEqualTo(LedgerXlsxReader.BOMB);
    }

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "机密内容");
        Map<String, byte[]> entries = new LinkedHashMap<>(unzip(aLedger()));
        String sheet = utf8(entries.get(SHEET));
        String doctype = "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>";
        String hostile = sheet.replaceFirst("(<\\?xml[^>]*\\?>)?", "$1" + doctype).replace("<t>任务</t>", "<t>&secret;</t>");
        entries.put(SHEET, hostile.getBytes(StandardCharsets.UTF_8));

        String message = refusedAsFile(zip(entries));

        assertThat(message).isEqualTo(LedgerXlsxReader.CORRUPT).doesNotContain("机密");
    }

    @Test
    void aBillionLaughsInTheSharedStringsIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>(unzip(Workbooks.xlsxWithRows(
                new Object[] {"序号", "任务", "牵头单位", "配合单位", "完成时限", "节点"}, new Object[] {"1", "任务"})));
        String strings = utf8(entries.get("xl/sharedStrings.xml"));
        StringBuilder doctype = new StringBuilder("<!DOCTYPE sst [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");
        String hostile = strings.replaceFirst("(<\\?xml[^>]*\\?>)?", "$1" + doctype).replace("<t>任务</t>",
                "<t>&lol9;</t>");
        entries.put("xl/sharedStrings.xml", hostile.getBytes(StandardCharsets.UTF_8));

        assertThat(refusedAsFile(zip(entries))).isEqualTo(LedgerXlsxReader.CORRUPT);
    }

    @Test
    void aDamagedSheetIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>(unzip(aLedger()));
        byte[] sheet = entries.get(SHEET);
        entries.put(SHEET, java.util.Arrays.copyOf(sheet, sheet.length / 2));

        assertThat(refusedAsFile(zip(entries))).isEqualTo(LedgerXlsxReader.CORRUPT);
    }

    @Test
    void aWorkbookWithoutAnyHeaderSaysSo() {
        assertThat(refusedAsFile(Workbooks.xlsxWithRows(new Object[] {"随便", "写点", "什么"})))
                .startsWith("未找到表头");
    }

    @Test
    void cellsCraftedToMakeTheParserBacktrackAreReadInLinearTime() {
        String spaces = " ".repeat(2_400);
        String colons = "：".repeat(1_600);
        String brackets = "（".repeat(1_600);
        Object[][] rows = new Object[302][];
        rows[0] = new Object[] {brackets, "(" + spaces + ")"};
        rows[1] = new Object[] {"序号", "任务", "牵头单位", "配合单位", "完成时限", "节点"};
        for (int i = 2; i < rows.length; i++) {
            String line2 = "完成" + " ".repeat(800) + "（" + " ".repeat(800) + "x";
            String milestones = i % 2 == 0
                    ? "2023" + colons + "x\n" + line2 + "\n" + "（".repeat(800) + "2023年底" + " ".repeat(800) + "x"
                    : "①".repeat(2_400) + "2023-06-30 x\n2023-06-30 x" + "✓".repeat(2_400);
            rows[i] = new Object[] {"1", "任务", "市科委", "、".repeat(4_900), "2023" + spaces + "完成" + spaces + "x",
                milestones};
        }
        byte[] hostile = Workbooks.xlsxWithRows(rows);

        List<LedgerError> errors = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Workbooks.refused(hostile));

        assertThat(errors).as("rows 3, 5 …: 完成时限 and two 节点 lines; rows 4, 6 …: 完成时限 only").hasSize(150 * 3 + 150);
        assertThat(errors.get(0)).isEqualTo(new LedgerError(3, "完成时限", "无法识别的日期：2023 完成 x"));
    }
}
