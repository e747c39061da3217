/** Ayni's mark: a coffee bean, drawn inline (no icon library). Decorative. */
export function CoffeeMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <ellipse
        cx="16"
        cy="16"
        rx="10"
        ry="14"
        transform="rotate(30 16 16)"
        fill="var(--mantine-color-coffee-7)"
      />
      <path
        d="M10.5 6.5c4 3 3 7 1.5 9.5s-2.5 6.5 1.5 9.5"
        transform="rotate(30 16 16) translate(3 0)"
        fill="none"
        stroke="var(--mantine-color-coffee-1)"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
