// placeholder until the runtime module lands
