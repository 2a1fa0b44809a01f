"""What each CI system's payload means to us: one module per provider family over the shared facts."""
