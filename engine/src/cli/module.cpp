// placeholder until the cli module lands
