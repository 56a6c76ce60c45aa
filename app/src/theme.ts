import type { ThemeConfig } from 'antd';

/** Government-portal look: deep blue for action, red for the masthead accents. */
export const BRAND_RED = '#c8161d';
export const BRAND_BLUE = '#1456b8';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorError: '#d4380d',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
};
