import { BRAND_RED } from '../theme.ts';

/** The portal's mark: a red seal with 政 in it. */
export function Emblem({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true">
      <circle cx="20" cy="20" r="19" fill={BRAND_RED} />
      <circle cx="20" cy="20" r="15.5" fill="none" stroke="#ffd666" strokeWidth="1.2" />
      <text
        x="20"
        y="26.5"
        textAnchor="middle"
        fontSize="18"
        fontWeight="700"
        fill="#ffd666"
        fontFamily='"Noto Serif CJK SC", "Songti SC", "SimSun", serif'
      >
        政
      </text>
    </svg>
  );
}
