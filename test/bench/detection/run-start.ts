/** Virtual time every run starts at (the VirtualClock's default), so runs line up. */
export const RUN_START = 1_764_000_000_000;
