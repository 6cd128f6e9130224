// The antd theme of the desk and the city's console: the sober blue and small radii clerks know
// from other government systems, with every text colour at WCAG 2.1 AA (4.5:1) on the backgrounds
// it sits on. antd's defaults for secondary text, placeholders, warnings, errors, tags and the dark
// menu fall below that; the shades here are the next darker ones of the same hue.
import type { ThemeConfig } from 'antd';

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
const PRIMARY = '#1d4f91';

// antd's tertiary text (labels of descriptions, statistic titles, secondary text) at 60% black:
// 5.7:1 on white, 5.5:1 on the status bar's #fafafa and the page's #f0f2f5.
const SECONDARY_TEXT = 'rgba(0, 0, 0, 0.6)';
// A shade lighter than secondary text, so a hint still reads as a hint: 4.9:1 on white.
const PLACEHOLDER_TEXT = 'rgba(0, 0, 0, 0.56)';
const RED = '#cf1322'; // 5.6:1 on white
const ORANGE = '#ad4e00'; // 5.2:1 on #fafafa
const GREEN = '#237804'; // 5.4:1 on green-1

export const deskTheme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorError: RED,
    colorWarningText: ORANGE,
    colorTextTertiary: SECONDARY_TEXT,
    colorTextPlaceholder: PLACEHOLDER_TEXT,
    borderRadius: 3,
    fontFamily: FONT,
    fontSize: 14,
  },
  components: {
    Form: { itemMarginBottom: 14, verticalLabelPadding: '0 0 2px' },
    // An empty table says so in its disabled-text colour; here that sentence must be readable.
    Table: { cellPaddingBlockSM: 6, colorTextDisabled: SECONDARY_TEXT },
    Layout: { headerHeight: 44, headerPadding: '0 16px', headerBg: PRIMARY },
    Menu: { darkItemColor: 'rgba(255, 255, 255, 0.8)' },
    // Tag text sits on the pale tint of its own colour: status colours and the preset hues in use
    // are taken one step darker.
    Tag: { colorSuccess: GREEN, colorWarning: ORANGE, green7: GREEN, orange7: ORANGE, gold7: '#874d00', volcano7: '#ad2102' },
  },
};
