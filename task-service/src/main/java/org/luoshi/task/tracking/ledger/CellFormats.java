package org.luoshi.task.tracking.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/** Turns the raw number of a cell into what a person sees, using the cell's number format. One per read. */
final class CellFormats {
    private record Format(short index, String pattern, boolean date, boolean general) {
    }

    private static final Format GENERAL = new Format((short) 0, "General", false, true);

    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Format> byStyle = new HashMap<>();
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    CellFormats(StylesTable styles, boolean date1904) {
        this.styles = styles;
        this.date1904 = date1904;
    }

    /** A NUMBER cell with the given value and style index (the {@code s} attribute). */
    RawCell number(double value, int styleIndex) {
        Format format = format(styleIndex);
        if (format.date() && DateUtil.isValidExcelDate(value)) {
            LocalDate date = excelDate(value);
            return RawCell.number(value, date.toString(), date);
        }
        String shown = format.general() ? plain(value)
                : formatter.formatRawCellContents(value, format.index(), format.pattern());
        return RawCell.number(value, shown, null);
    }

    /** The day an Excel date serial stands for, in this workbook's date system. */
    LocalDate excelDate(double serial) {
        return DateUtil.getLocalDateTime(serial, date1904).toLocalDate();
    }

    /** 1 → "1", 2.5 → "2.5", 123456789012 → "123456789012" (never an exponent). */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private Format format(int styleIndex) {
        if (styles == null || styleIndex < 0) {
            return GENERAL;
        }
        return byStyle.computeIfAbsent(styleIndex, this::lookUp);
    }

    private Format lookUp(int styleIndex) {
        try {
            XSSFCellStyle style = styles.getStyleAt(styleIndex);
            if (style == null) {
                return GENERAL;
            }
            short index = style.getDataFormat();
            String pattern = style.getDataFormatString();
            if (pattern == null) {
                return GENERAL;
            }
            boolean general = index == 0 || "General".equalsIgnoreCase(pattern);
            return new Format(index, pattern, !general && DateUtil.isADateFormat(index, pattern), general);
        } catch (RuntimeException e) {
            return GENERAL;
        }
    }
}
