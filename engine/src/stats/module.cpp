// placeholder until the stats module lands
