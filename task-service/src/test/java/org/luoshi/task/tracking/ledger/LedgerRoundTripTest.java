package org.luoshi.task.tracking.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.luoshi.task.tracking.ledger.Workbooks.CODEC;
import static org.luoshi.task.tracking.ledger.Workbooks.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** What the codec writes comes back exactly, and looks like a 台账 an official would keep. */
class LedgerRoundTripTest {
    private static final String TITLE = "北京市“十四五”时期国际科技创新中心建设规划 任务台账";

    static LedgerSheet sample() {
        return new LedgerSheet(TITLE, List.of(
                new LedgerRow(3, "三（一）2", "加快建设怀柔综合性国家科学中心，推进大科学装置集群建设。\n聚焦物质、空间、大气环境等领域，形成“1+3+N”格局",
                        "市科委、中关村管委会",
                        List.of("市发展改革委", "怀柔区政府", "市财政局", "市规划自然资源委", "市住房城乡建设委", "市经济和信息化局",
                                "市人力资源社会保障局", "市教委", "中国科学院北京分院", "北京市科学技术研究院", "市生态环境局",
                                "市交通委"),
                        LocalDate.of(2025, 12, 31),
                        List.of(new LedgerMilestone(LocalDate.of(2023, 6, 30), "完成试验线建设（一期）", true),
                                new LedgerMilestone(LocalDate.of(2024, 3, 31), "高能同步辐射光源进入联调", true),
                                new LedgerMilestone(LocalDate.of(2024, 12, 31), "高能同步辐射光源投入运行", false),
                                new LedgerMilestone(LocalDate.of(2025, 12, 31), "2025年形成“1+3+N”格局：验收", false)),
                        "主体工程已完工；\n设备安装、调试进行中（完成85%）", "绿灯 · 已接收"),
                new LedgerRow(4, "1", "完善科技成果转化机制", "11000001", List.of(), null, List.of(), "", ""),
                new LedgerRow(7, "三（二）", "推进 AI 大模型应用 in government services", "市经济和信息化局",
                        List.of("市政务服务局"), LocalDate.of(2024, 2, 29),
                        List.of(new LedgerMilestone(LocalDate.of(2024, 2, 29), "上线试运行", false)), "  ", "红灯 · 逾期")));
    }

    @Test
    void aWrittenSheetReadsBackEqualWithItsRowNumbers() {
        LedgerSheet sheet = sample();

        LedgerSheet back = read(CODEC.write(sheet));

        assertThat(back).isEqualTo(sheet);
        assertThat(back.rows()).extracting(LedgerRow::rowNumber).containsExactly(3, 4, 7);
        assertThat(back.rows().get(0).milestones()).extracting(LedgerMilestone::done)
                .containsExactly(true, true, false, false);
        assertThat(back.rows().get(1).dueDate()).isNull();
        assertThat(back.rows().get(0).coDepartments()).hasSize(12);
    }

    @Test
    void anEmptySheetRoundTripsToo() {
        LedgerSheet empty = new LedgerSheet("", List.of());

        assertThat(read(CODEC.write(empty))).isEqualTo(empty);
    }

    @Test
    void theWorkbookIsLaidOutAsATaskLedger() throws IOException {
        byte[] bytes = CODEC.write(sample());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet sheet = workbook.getSheet("任务台账");
            assertThat(sheet).isNotNull();

            Row title = sheet.getRow(0);
            assertThat(title.getCell(0).getStringCellValue()).isEqualTo(TITLE);
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 7));
            assertThat(workbook.getFontAt(title.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(workbook.getFontAt(title.getCell(0).getCellStyle().getFontIndex()).getFontHeightInPoints())
                    .isGreaterThan((short) 11);

            Row header = sheet.getRow(1);
            List<String> labels = new ArrayList<>();
            header.forEach(cell -> labels.add(cell.getStringCellValue()));
            assertThat(labels).containsExactly("序号", "任务", "牵头单位", "配合单位", "完成时限", "节点", "进展", "状态");
            Cell headerCell = header.getCell(1);
            assertThat(workbook.getFontAt(headerCell.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(headerCell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(headerCell.getCellStyle().getBorderBottom()).isNotEqualTo(
                    org.apache.poi.ss.usermodel.BorderStyle.NONE);

            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:H7");

            Row first = sheet.getRow(2);
            Cell due = first.getCell(4);
            assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
            assertThat(due.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("""
                    ✓ 2023-06-30 完成试验线建设（一期）
                    ✓ 2024-03-31 高能同步辐射光源进入联调
                    2024-12-31 高能同步辐射光源投入运行
                    2025-12-31 2025年形成“1+3+N”格局：验收""");
            assertThat(first.getCell(5).getCellStyle().getWrapText()).isTrue();
            assertThat(first.getCell(3).getStringCellValue()).startsWith("市发展改革委、怀柔区政府、市财政局");
            assertThat(first.getHeightInPoints()).as("tall enough for four milestone lines").isGreaterThan(60f);
            assertThat(sheet.getRow(3).getCell(0).getNumericCellValue()).as("序号 1 is a number").isEqualTo(1.0);
            assertThat((Object) sheet.getRow(4)).as("row 5 stays empty: row numbers are kept").isNull();

            int[] widths = new int[8];
            Arrays.setAll(widths, sheet::getColumnWidth);
            assertThat(widths[1]).as("任务 is the widest column").isEqualTo(Arrays.stream(widths).max().orElseThrow());
        }
    }

    @Test
    void rowsNormaliseWhatACellCannotCarryBackUnchanged() {
        LedgerRow row = new LedgerRow(3, null, "  任务\r\n第二行 ", "市科委 ", List.of("市财政局、市教委", " ", "市发展改革委；市商务局"),
                null, null, null, "绿灯");

        assertThat(row.reference()).isEmpty();
        assertThat(row.task()).isEqualTo("任务\n第二行");
        assertThat(row.leadDepartment()).isEqualTo("市科委");
        assertThat(row.coDepartments()).containsExactly("市财政局", "市教委", "市发展改革委", "市商务局");
        assertThat(row.milestones()).isEmpty();
        assertThat(row.progress()).isEmpty();
        assertThat(new LedgerMilestone(LocalDate.of(2023, 1, 31), " 第一步\n\n第二步  第三步 ", false).title())
                .isEqualTo("第一步 第二步 第三步");
        assertThat(new LedgerMilestone(LocalDate.of(2023, 1, 31), "——验收（已完成）", false))
                .as("a title is kept the way the 节点 cell gives it back; a done mark in it marks the milestone done")
                .isEqualTo(new LedgerMilestone(LocalDate.of(2023, 1, 31), "验收", true));
        assertThat(read(CODEC.write(new LedgerSheet(" 标题 ", List.of(row))))).isEqualTo(
                new LedgerSheet("标题", List.of(row)));
    }

    @Test
    void renumberedPlacesRowsFromTheFirstDataRowWithoutGaps() {
        LedgerSheet sheet = sample();
        List<LedgerRow> unnumbered = sheet.rows().stream().map(row -> row.withRowNumber(0)).toList();

        LedgerSheet renumbered = new LedgerSheet(sheet.title(), unnumbered).renumbered();

        assertThat(renumbered.rows()).extracting(LedgerRow::rowNumber).containsExactly(3, 4, 5);
        assertThat(read(CODEC.write(renumbered))).isEqualTo(renumbered);
    }

    @Test
    void writeRefusesASheetThatWouldNotReadBackUnchanged() {
        LedgerRow good = sample().rows().get(1);
        LedgerSheet bad = new LedgerSheet("台账", List.of(
                good.withRowNumber(2),
                new LedgerRow(5, "2", " ", "", List.of(), null, List.of(), "", ""),
                good.withRowNumber(4),
                new LedgerRow(6, "3", "任务", "", List.of(), LocalDate.of(1850, 1, 1),
                        List.of(new LedgerMilestone(LocalDate.of(2023, 6, 30), "", false)),
                        "进".repeat(LedgerWorkbook.MAX_CELL_CHARS + 1), "")));

        assertThatThrownBy(() -> CODEC.write(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2 is not after row 2")
                .hasMessageContaining("row 5 has no 任务 text")
                .hasMessageContaining("row 4 is not after row 5")
                .hasMessageContaining("完成时限 1850-01-01")
                .hasMessageContaining("(it has no title)")
                .hasMessageContaining("进展 is longer than 5000");
    }

    @Test
    void writeRefusesMoreRowsThanTheImportLimit() {
        List<LedgerRow> rows = new ArrayList<>();
        for (int i = 0; i <= LedgerWorkbook.MAX_DATA_ROWS; i++) {
            rows.add(new LedgerRow(0, "", "任务" + i, "", List.of(), null, List.of(), "", ""));
        }

        assertThatThrownBy(() -> CODEC.write(new LedgerSheet("", rows).renumbered()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 10000 rows");
    }

    @Test
    void theLargestAllowedLedgerRoundTrips() {
        List<LedgerRow> rows = new ArrayList<>();
        for (int i = 0; i < LedgerWorkbook.MAX_DATA_ROWS; i++) {
            rows.add(new LedgerRow(0, "三（" + i + "）", "第" + i + "项任务：推进重点项目建设", "市发展改革委",
                    List.of("市财政局", "市教委"), LocalDate.of(2025, 1, 1).plusDays(i % 365),
                    List.of(new LedgerMilestone(LocalDate.of(2024, 6, 30), "完成前期工作", i % 2 == 0)),
                    "进展顺利", "绿灯 · 已接收"));
        }
        LedgerSheet sheet = new LedgerSheet("大台账", rows).renumbered();

        LedgerSheet back = read(CODEC.write(sheet));

        assertThat(back.rows()).hasSize(LedgerWorkbook.MAX_DATA_ROWS);
        assertThat(back).isEqualTo(sheet);
    }

    @Test
    void milestoneTitlesThatLookLikeTheCellsOwnMarkupStillRoundTrip() {
        LocalDate day = LocalDate.of(2023, 6, 30);
        List<LedgerMilestone> milestones = List.of(
                new LedgerMilestone(day, "：-、完成设计", false),
                new LedgerMilestone(day, "验收 【已完成】 √", false),
                new LedgerMilestone(day, "前期准备", false),
                new LedgerMilestone(day, "2024年扩产", true),
                new LedgerMilestone(day, "✓ 复核（一期）", false),
                new LedgerMilestone(day, "1. 编制方案", false));
        LedgerSheet sheet = new LedgerSheet("台账", List.of(
                new LedgerRow(3, "1", "任务", "", List.of(), null, milestones, "", "")));

        LedgerSheet back = read(CODEC.write(sheet));

        assertThat(back).isEqualTo(sheet);
        assertThat(back.rows().get(0).milestones()).extracting(LedgerMilestone::title, LedgerMilestone::done)
                .containsExactly(tuple("完成设计", false), tuple("验收", true), tuple("前期准备", false),
                        tuple("2024年扩产", true), tuple("✓ 复核（一期）", false), tuple("1. 编制方案", false));
    }
}
