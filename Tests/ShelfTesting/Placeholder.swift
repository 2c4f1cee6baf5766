import ShelfCore
