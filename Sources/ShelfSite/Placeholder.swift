import ShelfCore
import Yams
import TOMLKit
import Mustache
import CCmark
import CZlib
