import type { ThemeConfig } from 'antd';

/** Government-portal look: deep blue for action, red for the masthead accents. */
export const BRAND_RED = '#c8161d';
export const BRAND_BLUE = '#1456b8';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorError: '#d4380d',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
};

/**
 * 长辈模式 (elderly-friendly mode), laid over `theme` by a nested ConfigProvider: no text under 18 px,
 * larger headings and controls, near-black text and darker secondary text (WCAG AA on white), darker
 * borders and a thicker focus ring.
 */
export const elderlyTheme: ThemeConfig = {
  token: {
    fontSize: 18,
    fontSizeSM: 18,
    fontSizeLG: 20,
    fontSizeXL: 24,
    fontSizeHeading1: 40,
    fontSizeHeading2: 32,
    fontSizeHeading3: 26,
    fontSizeHeading4: 22,
    fontSizeHeading5: 20,
    controlHeightSM: 36,
    controlHeight: 44,
    controlHeightLG: 52,
    colorText: '#141414',
    colorTextHeading: '#000000',
    colorTextSecondary: '#333333',
    colorTextTertiary: '#404040',
    colorTextQuaternary: '#4d4d4d',
    colorTextDescription: '#333333',
    colorTextPlaceholder: '#595959',
    colorBorder: '#767676',
    colorPrimaryBorder: '#0b3d8c',
    colorLinkHover: '#0b3d8c',
    colorLinkActive: '#0b3d8c',
    colorInfo: BRAND_BLUE,
    colorInfoText: '#0b3d8c',
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    colorErrorText: '#a8071a',
    // Coloured tags print their text in the 7th shade of a preset colour, under 4.5:1 on its light
    // ground for these; a darker seed darkens the whole palette.
    green: '#237804',
    lime: '#3f6600',
    cyan: '#006d75',
    orange: '#ad4e00',
    gold: '#874d00',
    yellow: '#876800',
    volcano: '#ad2102',
    lineWidthFocus: 3,
    controlOutlineWidth: 3,
    controlOutline: 'rgba(11, 61, 140, 0.45)',
  },
};
