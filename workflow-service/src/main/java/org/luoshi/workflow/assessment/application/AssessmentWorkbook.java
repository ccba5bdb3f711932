package org.luoshi.workflow.assessment.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.luoshi.workflow.assessment.api.DepartmentAssessmentView;

/** The 考核 table as .xlsx: a title line naming the plan's period and as-of day, a header, one row per department. */
public final class AssessmentWorkbook {

    private record Column(String header, Function<DepartmentAssessmentView.Row, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("单位代码", DepartmentAssessmentView.Row::departmentCode),
            new Column("单位", DepartmentAssessmentView.Row::nameZh),
            new Column("按时报送", DepartmentAssessmentView.Row::onTime),
            new Column("逾期报送", DepartmentAssessmentView.Row::late),
            new Column("未报送", DepartmentAssessmentView.Row::missing),
            new Column("未到期", DepartmentAssessmentView.Row::notDue),
            new Column("平均逾期天数", DepartmentAssessmentView.Row::averageDaysLate),
            new Column("收到催办", DepartmentAssessmentView.Row::urgings),
            new Column("收到督办", DepartmentAssessmentView.Row::supervisions),
            new Column("报告被退回", DepartmentAssessmentView.Row::returned),
            new Column("申请调整", DepartmentAssessmentView.Row::adjustmentsRequested),
            new Column("调整获批", DepartmentAssessmentView.Row::adjustmentsApproved),
            new Column("红灯任务", DepartmentAssessmentView.Row::red),
            new Column("黄灯任务", DepartmentAssessmentView.Row::yellow),
            new Column("绿灯任务", DepartmentAssessmentView.Row::green));

    private AssessmentWorkbook() {
    }

    public static byte[] write(DepartmentAssessmentView view) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("部门考核");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            sheet.createRow(0).createCell(0).setCellValue("部门考核（评估期 " + view.from() + " 至 " + view.to()
                    + "，数据截至 " + view.asOf() + "；规划 " + view.planId() + "）");
            Row head = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(COLUMNS.get(c).header());
                cell.setCellStyle(header);
            }
            int r = 2;
            for (DepartmentAssessmentView.Row department : view.departments()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Object value = COLUMNS.get(c).value().apply(department);
                    Cell cell = row.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            sheet.setColumnWidth(1, 28 * 256);
            sheet.createFreezePane(2, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
