// placeholder until the demo module lands
