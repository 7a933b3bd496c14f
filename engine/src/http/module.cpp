// placeholder until the http module lands
