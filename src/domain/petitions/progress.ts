// A progress line readable on an old phone: "▰▰▰▱▱▱▱▱▱▱ 31%".

export function progressPercent(count: number, goal: number): number {
  if (goal <= 0) return 0;
  return Math.floor((Math.max(0, count) * 100) / goal);
}

export function progressBar(count: number, goal: number, width = 10): string {
  const filled = Math.min(width, Math.floor((Math.min(Math.max(0, count), goal) / Math.max(1, goal)) * width));
  return "▰".repeat(filled) + "▱".repeat(width - filled);
}
