package org.luoshi.task.tracking.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.luoshi.task.tracking.ledger.Workbooks.fill;
import static org.luoshi.task.tracking.ledger.Workbooks.read;
import static org.luoshi.task.tracking.ledger.Workbooks.refused;
import static org.luoshi.task.tracking.ledger.Workbooks.refusedAsFile;
import static org.luoshi.task.tracking.ledger.Workbooks.xlsx;
import static org.luoshi.task.tracking.ledger.Workbooks.xlsxWithRows;

import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Workbooks made by people, in the shapes people make them, read as 台账. */
class LedgerImportTest {
    private static final Object[] HEADER = {"序号", "任务", "牵头单位", "配合单位", "完成时限", "节点", "进展", "状态"};

    private static LedgerRow row(int number, String reference, String task, String lead, List<String> co,
            LocalDate due, List<LedgerMilestone> milestones, String progress, String status) {
        return new LedgerRow(number, reference, task, lead, co, due, milestones, progress, status);
    }

    @Test
    void headersInAnyOrderWithSpacesNotesAndAnUnknownColumnAreRecognised() {
        byte[] bytes = xlsxWithRows(
                new Object[] {"  市重点任务台账（2023年）  "},
                new Object[] {"备注", " 任 务 ", "节点", "完成时限（年月日）", "牵头单位（单位）", "状　态", "*配合单位", "序号 ",
                    "进展情况"},
                new Object[] {"内部备注", "建设试验线", "2023-06-30 完成设计", "2023-12-31", "市科委", "绿灯", "市财政局", "1",
                    "按计划推进"});

        LedgerSheet sheet = read(bytes);

        assertThat(sheet.title()).isEqualTo("市重点任务台账（2023年）");
        assertThat(sheet.rows()).containsExactly(row(3, "1", "建设试验线", "市科委", List.of("市财政局"),
                LocalDate.of(2023, 12, 31), List.of(new LedgerMilestone(LocalDate.of(2023, 6, 30), "完成设计", false)),
                "按计划推进", "绿灯"));
    }

    @Test
    void progressAndStatusColumnsAreOptional() {
        byte[] bytes = xlsxWithRows(
                new Object[] {"序号", "任务", "牵头单位", "配合单位", "完成时限", "节点"},
                new Object[] {"一", "编制方案", "市发展改革委", null, null, null});

        assertThat(read(bytes).rows()).containsExactly(
                row(2, "一", "编制方案", "市发展改革委", List.of(), null, List.of(), "", ""));
        assertThat(read(bytes).title()).isEmpty();
    }

    @Test
    void aWorkbookTypedByAPersonReadsWithNumbersTextDatesRealDatesAndFormulas() {
        byte[] bytes = xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("2023年台账");
            fill(sheet.createRow(0), "重点任务推进台账");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
            fill(sheet.createRow(1), HEADER);
            fill(sheet.createRow(2), 1, "建设科学城", "市科委", "市发展改革委，市财政局;怀柔区政府\n市教委、", "2023年底",
                    "1. 2023年6月 完成设计\n√ 2023/9/30 开工（已完成）\n\n2023年底前 竣工验收", "进展正常", "绿灯");
            Row second = sheet.createRow(3);
            fill(second, null, "培育创新主体", null, "市经济和信息化局", null, "[x] 2023年上半年：完成招标", 0.85, null);
            second.createCell(0).setCellFormula("A3+1");
            second.createCell(2).setCellFormula("\"市\"&\"教委\"");
            Cell due = second.createCell(4);
            due.setCellValue(LocalDate.of(2024, 6, 30));
            due.setCellStyle(Workbooks.dateStyle(workbook, "yyyy\"年\"m\"月\"d\"日\""));
            Row third = sheet.createRow(5);
            fill(third, 3.0, "深化改革", "11000001", null, null, "完成试点（2024年第三季度）", null, "黄灯");
            Cell formulaDate = third.createCell(4);
            formulaDate.setCellFormula("DATE(2025,1,15)");
            formulaDate.setCellStyle(Workbooks.dateStyle(workbook, "m/d/yy"));
            fill(sheet.createRow(6), 4, "推进数字政府", "市政务服务局", null, 2025, "2025.3.31 上线", null, null);
        });

        LedgerSheet sheet = read(bytes);

        assertThat(sheet.title()).isEqualTo("重点任务推进台账");
        assertThat(sheet.rows()).containsExactly(
                row(3, "1", "建设科学城", "市科委", List.of("市发展改革委", "市财政局", "怀柔区政府", "市教委"),
                        LocalDate.of(2023, 12, 31),
                        List.of(new LedgerMilestone(LocalDate.of(2023, 6, 30), "完成设计", false),
                                new LedgerMilestone(LocalDate.of(2023, 9, 30), "开工", true),
                                new LedgerMilestone(LocalDate.of(2023, 12, 31), "竣工验收", false)),
                        "进展正常", "绿灯"),
                row(4, "2", "培育创新主体", "市教委", List.of("市经济和信息化局"), LocalDate.of(2024, 6, 30),
                        List.of(new LedgerMilestone(LocalDate.of(2023, 6, 30), "完成招标", true)), "0.85", ""),
                row(6, "3", "深化改革", "11000001", List.of(), LocalDate.of(2025, 1, 15),
                        List.of(new LedgerMilestone(LocalDate.of(2024, 9, 30), "完成试点", false)), "", "黄灯"),
                row(7, "4", "推进数字政府", "市政务服务局", List.of(), LocalDate.of(2025, 12, 31),
                        List.of(new LedgerMilestone(LocalDate.of(2025, 3, 31), "上线", false)), "", ""));
    }

    @Test
    void aCellMergedDownSeveralRowsGivesItsValueToEachOfThem() {
        byte[] bytes = xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("台账");
            fill(sheet.createRow(0), HEADER);
            fill(sheet.createRow(1), 1, "任务甲", "市科委", null, "2023-06-30");
            fill(sheet.createRow(2), 2, "任务乙");
            fill(sheet.createRow(3), 3, "任务丙");
            fill(sheet.createRow(4), 4, "任务丁", "市教委");
            sheet.addMergedRegion(new CellRangeAddress(1, 3, 2, 2));
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 4, 4));
        });

        List<LedgerRow> rows = read(bytes).rows();

        assertThat(rows).extracting(LedgerRow::leadDepartment).containsExactly("市科委", "市科委", "市科委", "市教委");
        assertThat(rows).extracting(LedgerRow::dueDate)
                .containsExactly(LocalDate.of(2023, 6, 30), LocalDate.of(2023, 6, 30), null, null);
    }

    @Test
    void everyBadRowIsReportedWithItsRowNumberAndColumn() {
        byte[] bytes = xlsxWithRows(
                new Object[] {"台账"},
                new Object[] {},
                HEADER,
                new Object[] {"1", "正常的任务", "市科委", null, "2023-06-30", "2023-06-30 完成"},
                new Object[] {"2", null, "市科委", null, "2023-06-30"},
                new Object[] {"3", "另一个正常的任务", "市教委"},
                new Object[] {"4", "日期写错的任务", "市科委", null, "2023-13-01"},
                new Object[] {},
                new Object[] {"5", "节点缺日期的任务", "市科委", null, "2023年底", "2023-06-30 完成设计\n完成验收"});

        List<LedgerError> errors = refused(bytes);

        assertThat(errors).extracting(LedgerError::rowNumber, LedgerError::column, LedgerError::message).containsExactly(
                tuple(5, "任务", "缺少任务内容"),
                tuple(7, "完成时限", "无法识别的日期：2023-13-01"),
                tuple(9, "节点", "节点缺少日期：完成验收"));
    }

    @Test
    void problemsInOneRowAreAllReported() {
        byte[] bytes = xlsxWithRows(HEADER,
                new Object[] {"1", " ", "市科委", null, "明年", "2023-02-30 完成\n✓ 只有内容\n2023-06-30", "进".repeat(5001)});

        assertThat(refused(bytes)).extracting(LedgerError::rowNumber, LedgerError::column, LedgerError::message)
                .containsExactly(
                        tuple(2, "任务", "缺少任务内容"),
                        tuple(2, "完成时限", "无法识别的日期：明年"),
                        tuple(2, "节点", "无法识别的日期：2023-02-30"),
                        tuple(2, "节点", "节点缺少日期：✓ 只有内容"),
                        tuple(2, "节点", "节点缺少内容：2023-06-30"),
                        tuple(2, "进展", "内容超过5000字的上限"));
    }

    @Test
    void aCellHoldingAnExcelErrorIsReported() {
        byte[] bytes = xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("台账");
            fill(sheet.createRow(0), HEADER);
            Row row = sheet.createRow(1);
            fill(row, "1", "任务");
            row.createCell(2).setCellFormula("NA()");
        });

        assertThat(refused(bytes)).containsExactly(new LedgerError(2, "牵头单位", "单元格是错误值：#N/A"));
    }

    @Test
    void aMissingRequiredColumnIsNamed() {
        byte[] bytes = xlsxWithRows(
                new Object[] {"台账"},
                new Object[] {"序号", "任务", "牵头单位", "完成时限", "进展", "状态"},
                new Object[] {"1", "任务", "市科委", "2023-06-30"});

        assertThat(refused(bytes)).containsExactly(
                new LedgerError(2, "配合单位", "缺少必需的列：配合单位"),
                new LedgerError(2, "节点", "缺少必需的列：节点"));
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        byte[] bytes = xlsxWithRows(
                new Object[] {"序号", "任务", "牵头单位", "配合单位", "完成时限", "节点", "进展（3月）", "进展（4月）"},
                new Object[] {"1", "任务", "市科委"});

        assertThat(refused(bytes)).containsExactly(new LedgerError(1, "进展", "表头中「进展」列出现了不止一次"));
    }

    @Test
    void aHeaderBelowTheFirstTenRowsIsNotLookedFor() {
        Object[][] rows = new Object[12][];
        for (int i = 0; i < 11; i++) {
            rows[i] = new Object[] {"说明第" + (i + 1) + "行"};
        }
        rows[11] = HEADER;

        assertThat(refusedAsFile(xlsxWithRows(rows))).startsWith("未找到表头：前10行中没有包含序号、任务、牵头单位、配合单位、完成时限、节点");
    }

    @Test
    void theLedgerMayBeOnALaterSheet() {
        byte[] bytes = xlsx(workbook -> {
            fill(workbook.createSheet("填表说明").createRow(0), "请按要求填写");
            Sheet sheet = workbook.createSheet("任务台账");
            fill(sheet.createRow(0), HEADER);
            fill(sheet.createRow(1), "1", "任务");
        });

        assertThat(read(bytes).rows()).extracting(LedgerRow::task).containsExactly("任务");
    }

    @Test
    void moreThanTenThousandDataRowsAreRefusedNamingTheLimit() {
        byte[] bytes = sxssf(LedgerWorkbook.MAX_DATA_ROWS + 1);

        List<LedgerError> errors = refused(bytes);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).rowNumber()).isEqualTo(LedgerWorkbook.MAX_DATA_ROWS + 2);
        assertThat(errors.get(0).message()).contains("10000行");
    }

    @Test
    void exactlyTenThousandDataRowsAreRead() {
        assertThat(read(sxssf(LedgerWorkbook.MAX_DATA_ROWS)).rows()).hasSize(LedgerWorkbook.MAX_DATA_ROWS);
    }

    private static byte[] sxssf(int dataRows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("台账");
            fill(sheet.createRow(0), HEADER);
            for (int i = 1; i <= dataRows; i++) {
                fill(sheet.createRow(i), i, "任务" + i, "市科委", null, "2025年底");
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
